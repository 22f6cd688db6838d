import { mkdirSync, writeFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as parkReport } from "@/app/api/parks/[slug]/report/route";
import { GET as regionReport } from "@/app/api/regions/[province]/report/route";
import { parks } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { isoToday } from "@/lib/domain/milestones";
import { formatMoney, formatPercent } from "@/lib/format/numbers";
import type { Locale } from "@/lib/i18n/locale";
import { lastClosedMonth } from "@/lib/report/figures";
import { callAs, useDatabase, useLanguage } from "../support/action-harness";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";
import { docxParts, pdfPages, squeeze } from "../support/report-text";
import { rowsOf } from "../support/write-watch";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const ADMIN = "admin@demo-park.demo";
const VIEWER = "viewer@demo-park.demo";
const OFFICER = "officer@ningbo.demo";
const READER = "reader@zhejiang.demo";

/** REPORT_OUT=<dir> keeps the reports the tests read, to look at (pdftoppm) or open in Word. */
function keep(name: string, bytes: Uint8Array) {
  if (!process.env.REPORT_OUT) return;
  mkdirSync(process.env.REPORT_OUT, { recursive: true });
  writeFileSync(`${process.env.REPORT_OUT}/${name}`, bytes);
}

async function download(email: string | null, path: string, slug?: string, province?: string): Promise<Response> {
  const handler = slug ? parkReport : regionReport;
  const call = () => handler(new Request(`http://localhost${path}`), { params: Promise.resolve<Record<string, string>>(slug ? { slug } : { province: province! }) });
  return (await callAs(email, call as never, {})) as unknown as Response;
}

/** The month's figures computed here from the stored rows, not through the rollups the report reads. */
async function expectedFigures(db: Db, parkId: string, month: string) {
  const year = Number(month.slice(0, 4));
  const monthStart = `${month}-01`;
  const live = sql`park_id = ${parkId} and not exists (select 1 from progress_entries c where c.supersedes_id = e.id)`;
  const one = async (query: ReturnType<typeof sql>) => rowsOf<{ v: string }>(await db.execute(query))[0]!.v;
  const ytd = await one(sql`select coalesce(sum(investment_completed), 0)::text as v from progress_entries e where ${live} and period between ${`${year}-01-01`}::date and ${monthStart}::date`);
  const inMonth = await one(sql`select coalesce(sum(investment_completed), 0)::text as v from progress_entries e where ${live} and period = ${monthStart}::date`);
  const plan = await one(sql`select coalesce(sum(value), 0)::text as v from targets where park_id = ${parkId} and metric = 'investment' and year = ${year}`);
  const projects = await one(sql`select count(*)::text as v from projects where park_id = ${parkId}`);
  const top = await one(sql`select name || '|' || coalesce(name_en, '') || '|' || company as v from projects where park_id = ${parkId} order by planned_investment desc, code, id limit 1`);
  const lastDay = new Date(Date.UTC(year, Number(month.slice(5, 7)), 0));
  const days = (lastDay.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const elapsed = days / (leap ? 366 : 365);
  const rate = Number(ytd) / Number(plan);
  const [name, nameEn, company] = top.split("|");
  return { ytd, inMonth, plan, rate, elapsed, pp: (rate - elapsed) * 100, projects: Number(projects), top: { name: name!, nameEn: nameEn || null, company: company! } };
}

/** The strings a reader must find in the report, in its language. */
function expectedStrings(e: Awaited<ReturnType<typeof expectedFigures>>, locale: Locale, month: string) {
  const m = Number(month.slice(5, 7));
  const pp = Math.abs(e.pp).toFixed(1);
  const common = [formatMoney(e.ytd, locale), formatMoney(e.inMonth, locale), formatMoney(e.plan, locale), formatPercent(e.rate, locale), formatPercent(e.elapsed, locale)];
  if (locale === "zh") {
    return [...common, `1–${m}月`, `完成年度计划${formatPercent(e.rate, "zh")}`, `序时进度${formatPercent(e.elapsed, "zh")}`, `${e.pp >= 0 ? "超前" : "落后"}序时进度${pp}个百分点`, `共有项目${e.projects}个`, e.top.name, "重点项目推进情况表", "需协调解决的问题", "滞后节点", "指标口径说明"];
  }
  return [...common, `${pp} percentage points ${e.pp >= 0 ? "ahead of" : "behind"} time elapsed`, `${e.projects} projects in all`, e.top.nameEn ?? e.top.name, "Key projects: progress", "Problems needing coordination", "Late milestones", "Definitions used"];
}

describe.each(TEST_TARGETS)("monthly report on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let parkId: string;
  const month = lastClosedMonth(isoToday());

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
    useLanguage("zh-CN");
    parkId = (await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, "demo-park")))[0]!.id;
  });
  afterAll(async () => database.drop());

  it.each(["zh", "en"] as const)("the Word file (%s) holds the month's figures as the rows give them, with headings, tables, A4 and page numbers", async (lang) => {
    const res = await download(VIEWER, `/api/parks/demo-park/report?month=${month}&format=docx&lang=${lang}`, "demo-park");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="demo-park-${month}-${lang}\\.docx"; filename\\*=UTF-8''.+\\.docx$`));
    const bytes = new Uint8Array(await res.arrayBuffer());
    keep(`demo-park-${lang}.docx`, bytes);
    const { xml, text, footers } = docxParts(bytes);
    const e = await expectedFigures(db, parkId, month);
    const missing = expectedStrings(e, lang, month).filter((s) => !squeeze(text).includes(squeeze(s)));
    expect(missing).toEqual([]);
    expect(xml).toContain('w:pStyle w:val="Heading1"');
    expect(xml).toContain('w:pStyle w:val="Title"');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/); // A4 portrait
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/); // the projects table
    expect(footers.join("")).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });

  it.each(["zh", "en"] as const)("the PDF (%s) holds the same figures in embedded Noto Sans SC, with page numbers", async (lang) => {
    const res = await download(ADMIN, `/api/parks/demo-park/report?month=${month}&format=pdf&lang=${lang}`, "demo-park");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder("latin1").decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(new TextDecoder("latin1").decode(bytes)).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC/); // a subset, embedded
    expect(bytes.length).toBeLessThan(1_500_000);
    keep(`demo-park-${lang}.pdf`, bytes);
    const pages = await pdfPages(bytes);
    const e = await expectedFigures(db, parkId, month);
    const all = squeeze(pages.join(""));
    expect(expectedStrings(e, lang, month).filter((s) => !all.includes(squeeze(s)))).toEqual([]);
    const label = lang === "zh" ? `第1页/共${pages.length}页` : `Page1of${pages.length}`;
    expect(squeeze(pages[0]!)).toContain(label);
  });

  it("the region report covers the reader's parks of the province, for a region reader", async () => {
    const res = await download(READER, `/api/regions/${encodeURIComponent("浙江省")}/report?month=${month}&format=pdf&lang=zh&scope=all`, undefined, "浙江省");
    expect(res.status).toBe(200);
    const text = squeeze((await pdfPages(new Uint8Array(await res.arrayBuffer()))).join(""));
    expect(text).toContain("浙江省");
    expect(text).toContain("前湾新区");
  });

  it("one cluster: only its projects", async () => {
    const [{ cluster }] = rowsOf<{ cluster: string }>(await db.execute(sql`select cluster from projects where park_id = ${parkId} group by cluster order by count(*) desc limit 1`)) as [{ cluster: string }];
    const res = await download(VIEWER, `/api/parks/demo-park/report?month=${month}&format=docx&scope=cluster&cluster=${encodeURIComponent(cluster)}`, "demo-park");
    expect(res.status).toBe(200);
    expect(docxParts(new Uint8Array(await res.arrayBuffer())).text).toContain(`${cluster}产业的`);
  });

  it("refuses a wrong month, format, language or scope by name, and other parks and the signed-out", async () => {
    const cases: [string, string][] = [
      ["month=2026-13", "month"],
      ["month=1999-12", "month"],
      [`month=${Number(isoToday().slice(0, 4)) + 1}-01`, "month"],
      ["month=<script>", "month"],
      ["format=xlsx", "format"],
      ["lang=fr", "lang"],
      ["scope=cluster", "scope"],
      ["scope=cluster&cluster=a%00b", "scope"],
    ];
    for (const [query, field] of cases) {
      const res = await download(VIEWER, `/api/parks/demo-park/report?${query}`, "demo-park");
      expect(res.status, query).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const body = (await res.json()) as { detail: string; errors: { field: string; message: string }[] };
      expect(body.errors[0]!.field).toBe(field);
      expect(body.detail).toBe(body.errors[0]!.message);
    }
    expect((await download(OFFICER, `/api/parks/demo-park/report`, "demo-park")).status).toBe(404);
    expect((await download(null, `/api/parks/demo-park/report`, "demo-park")).status).toBe(401);
    expect((await download(OFFICER, `/api/regions/${encodeURIComponent("湖南省")}/report`, undefined, "湖南省")).status).toBe(404);
    expect((await download(READER, `/api/regions/x/report?city=${"长".repeat(101)}`, undefined, "浙江省")).status).toBe(400);
  });
});
