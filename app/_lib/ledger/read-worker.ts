import { parentPort } from "node:worker_threads";
import { readLedgerFile } from "./read-file";

/**
 * The worker thread of read-off-thread.ts: reads ledger files (unzips, parses the workbook or CSV) one
 * at a time as they are posted, and posts each outcome back, so the server's request thread stays free
 * meanwhile. It stays alive between files: starting a thread and loading the parser costs far more than
 * reading a typical ledger.
 */
parentPort!.on("message", ({ bytes, fileName }: { bytes: Uint8Array; fileName: string }) => {
  readLedgerFile(bytes, fileName).then(
    (outcome) => parentPort!.postMessage({ outcome }),
    (error: unknown) => parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) }),
  );
});
