import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readLedgerFile } from "@/app/_lib/ledger/read-file";
import { readLedgerFileOffThread } from "@/app/_lib/ledger/read-off-thread";

/** A workbook of `rows` rows of `columns` cells: dense XML, as the probe's 865 KB .xlsx was. */
async function workbook(rows: number, columns = 12): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("台账");
  sheet.addRow(["项目编号", "项目名称", ...Array.from({ length: columns - 2 }, (_, i) => `列${i}`)]);
  for (let r = 0; r < rows; r++) sheet.addRow([`NX-${r}`, `项目${r}`, ...Array.from({ length: columns - 2 }, (_, c) => r * columns + c)]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("reading a ledger in a worker thread", () => {
  it("gives exactly what reading it on this thread gives, for a workbook and a CSV", async () => {
    const xlsx = await workbook(50);
    expect(await readLedgerFileOffThread(xlsx, "a.xlsx")).toEqual(await readLedgerFile(xlsx, "a.xlsx"));
    const csv = new TextEncoder().encode("项目编号,项目名称\nNX-1,甲\n");
    expect(await readLedgerFileOffThread(csv, "a.csv")).toEqual(await readLedgerFile(csv, "a.csv"));
    const refused = await readLedgerFileOffThread(new Uint8Array(0), "a.csv");
    expect(refused).toEqual({ ok: false, messageKey: "ledger.file.empty" });
  });

  // How much this keeps the server's own thread free is measured by bench/ledger-stall.ts (a figure, not a test).
  it("stops a read that runs past its time budget and refuses the file, saying why", async () => {
    const started = Date.now();
    const outcome = await readLedgerFileOffThread(await workbook(3_000), "big.xlsx", { ms: 100, heapMb: 512 });
    expect(outcome).toMatchObject({ ok: false, messageKey: "ledger.file.tooHeavy", params: { seconds: 1 } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("stops a read that needs more memory than its budget and refuses the file, saying why", async () => {
    const outcome = await readLedgerFileOffThread(await workbook(8_000, 20), "big.xlsx", { ms: 60_000, heapMb: 16 });
    expect(outcome).toMatchObject({ ok: false, messageKey: "ledger.file.tooHeavy" });
  });

  // Workers are kept between reads; one stopped by a budget must not be handed out again.
  it("answers the next files after a worker was stopped, and reads several files at once", async () => {
    const csv = (code: string) => new TextEncoder().encode(`项目编号,项目名称\n${code},甲\n`);
    expect(await readLedgerFileOffThread(await workbook(3_000), "big.xlsx", { ms: 100, heapMb: 512 })).toMatchObject({ ok: false });
    const outcomes = await Promise.all(["A-1", "A-2", "A-3"].map((code) => readLedgerFileOffThread(csv(code), "a.csv")));
    expect(outcomes).toEqual(await Promise.all(["A-1", "A-2", "A-3"].map((code) => readLedgerFile(csv(code), "a.csv"))));
    expect(await readLedgerFileOffThread(csv("A-4"), "a.csv")).toEqual(await readLedgerFile(csv("A-4"), "a.csv"));
  });
});
