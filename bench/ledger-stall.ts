// `npm run bench:ledger-stall`: how long /api/health takes to answer while a dense ledger is checked.
//   BENCH_BASE_URL=http://localhost:3000 npm run bench:ledger-stall   (a running `next start` with the demo data)
// Signs in as the demo editor, pings /api/health every 50 ms for 2 s (idle), then again while the
// server checks (preview) a dense .xlsx of 8,000 rows × 20 columns (about 900 KB; BENCH_ROWS to change). Prints the latencies of both
// (median, 95th percentile, worst) and how long the check took. Before issue 22 the check ran on the
// request thread: /api/health went from about 10 ms to 1.5 s while it ran.
// Without BENCH_BASE_URL it measures the same in this process: a timer's lag while the file is read on
// this thread (the old way) and in a worker thread (readLedgerFileOffThread).
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { readLedgerFile } from "../app/_lib/ledger/read-file";
import { readLedgerFileOffThread } from "../app/_lib/ledger/read-off-thread";

const ROWS = Number(process.env.BENCH_ROWS ?? 8_000);
const COLUMNS = 20;

async function denseWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("项目台账");
  sheet.addRow(["项目编号", "项目名称", "企业名称", "所属产业", "计划总投资（万元）", ...Array.from({ length: COLUMNS - 5 }, (_, i) => `备注${i}`)]);
  for (let r = 0; r < ROWS; r++) {
    sheet.addRow([`STALL-${r}`, `压力项目${r}`, `企业${r % 500}`, "新材料", 1000 + r, ...Array.from({ length: COLUMNS - 5 }, (_, c) => `第${r}行第${c}列`)]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, worst ${sorted.at(-1)!.toFixed(0)} ms (${samples.length} samples)`;
}

/** Pings `probe` every 50 ms until `until` settles; the latency of each ping. */
const slowest = { ms: 0, at: 0 };

async function pingWhile(probe: () => Promise<unknown>, until: Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  let done = false;
  void until.finally(() => (done = true));
  const from = performance.now();
  slowest.ms = 0;
  while (!done) {
    const started = performance.now();
    await probe();
    const ms = performance.now() - started;
    if (ms > slowest.ms) Object.assign(slowest, { ms, at: started - from });
    samples.push(ms);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return samples;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function againstServer(base: string, bytes: Uint8Array) {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  remember(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: base },
    body: new URLSearchParams({ csrfToken, email: "editor@ningxiang.demo", password: "parkline-demo", callbackUrl: `${base}/` }),
  });
  remember(signIn);
  const parks = (await (await fetch(`${base}/api/parks`, { headers: { cookie: cookie() } })).json()) as { parks: { id: string; slug: string }[] };
  const parkId = parks.parks.find((p) => p.slug === "ningxiang-htz")!.id;
  const health = () => fetch(`${base}/api/health`).then((r) => r.text());

  const idle = await pingWhile(health, sleep(2_000));
  const started = performance.now();
  const check = fetch(`${base}/api/import?parkId=${parkId}&kind=projects&mode=preview&name=stall.xlsx`, {
    method: "POST", headers: { cookie: cookie(), origin: base, "content-type": "application/octet-stream" }, body: bytes as unknown as BodyInit,
  }).then(async (r) => ({ status: r.status, body: (await r.text()).slice(0, 160), ms: performance.now() - started }));
  const during = await pingWhile(health, check);
  const answer = await check;
  console.log(`server ${base}: a ${(bytes.length / 1024).toFixed(0)} KB workbook of ${ROWS} rows × ${COLUMNS} columns`);
  console.log(`  /api/health idle:          ${summary(idle)}`);
  console.log(`  /api/health during check:  ${summary(during)}; the worst began ${(slowest.at / 1000).toFixed(1)} s into the check`);
  console.log(`  the check: ${answer.status} in ${(answer.ms / 1000).toFixed(1)} s — ${answer.body}`);
}

async function inProcess(bytes: Uint8Array) {
  const lag = () => new Promise<void>((resolve) => setImmediate(resolve));
  console.log(`in this process: a ${(bytes.length / 1024).toFixed(0)} KB workbook of ${ROWS} rows × ${COLUMNS} columns`);
  console.log(`  event-loop turn idle:               ${summary(await pingWhile(lag, sleep(1_000)))}`);
  let started = performance.now();
  const onThread = readLedgerFile(bytes, "stall.xlsx");
  console.log(`  during a read on this thread:       ${summary(await pingWhile(lag, onThread))}, read ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const offThread = readLedgerFileOffThread(bytes, "stall.xlsx", { ms: 120_000, heapMb: 1024 });
  const samples = await pingWhile(lag, offThread);
  console.log(`  during a read in a worker thread:   ${summary(samples)}, read ${((performance.now() - started) / 1000).toFixed(1)} s (${(await offThread).ok ? "ok" : "refused"})`);
}

async function main() {
  const bytes = await denseWorkbook();
  const base = process.env.BENCH_BASE_URL?.replace(/\/$/, "");
  await (base ? againstServer(base, bytes) : inProcess(bytes));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
