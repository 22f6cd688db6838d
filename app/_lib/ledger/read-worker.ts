import { parentPort, workerData } from "node:worker_threads";
import { readLedgerFile } from "./read-file";

/**
 * The worker thread of read-off-thread.ts: reads one ledger file (unzips, parses the workbook or CSV)
 * and posts the outcome back, so the server's request thread stays free while it works.
 */
const { bytes, fileName } = workerData as { bytes: Uint8Array; fileName: string };
readLedgerFile(bytes, fileName).then(
  (outcome) => parentPort!.postMessage({ outcome }),
  (error: unknown) => parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) }),
);
