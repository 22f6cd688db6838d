import { randomBytes } from "node:crypto";
import { EDITOR, expect, expectNoAxeViolations, test } from "./fixtures";
import { LedgerPage } from "./pages/ledger-page";

const SUFFIX = randomBytes(3).toString("hex").toUpperCase();
const HEADER = "项目编号,项目名称,企业,产业,计划总投资（万元）,项目状态";
const row = (n: number, planned: string) => `E2E-L${n}-${SUFFIX},台账导入项目${n}号${SUFFIX},台账企业${n},新材料,${planned},正常`;

test("an editor uploads a ledger, sees the row problem, fixes the file and imports it; the projects are listed", async ({ page, signInPage }) => {
  await signInPage.signInAs(EDITOR);
  await page.goto("/projects");
  await page.getByRole("link", { name: "导入台账" }).click();
  const ledger = new LedgerPage(page);
  await expect(ledger.heading).toHaveText("导入台账");
  await expect(page.getByRole("link", { name: "模板（.xlsx）" })).toHaveAttribute("href", /\/api\/import\/template\?kind=projects&format=xlsx/);
  await expectNoAxeViolations(page);

  await ledger.check("台账.csv", [HEADER, row(1, "50000"), row(2, "五亿")].join("\r\n"));
  await expect(ledger.summary).toContainText("共 2 行：新增 1");
  await expect(ledger.problems).toHaveCount(1);
  await expect(ledger.problems.first()).toContainText("3");
  await expect(ledger.problems.first()).toContainText("计划总投资（万元）");
  await expect(ledger.problems.first()).toContainText("无法识别的金额");
  await expect(ledger.commitButton(2)).toHaveCount(0);
  await expectNoAxeViolations(page);

  await ledger.check("台账.csv", [HEADER, row(1, "50000"), row(2, "5亿")].join("\r\n"));
  await expect(ledger.summary).toContainText("共 2 行：新增 2，变更 0，未变 0。");
  await expect(ledger.problems).toHaveCount(0);
  await ledger.commitButton(2).click();
  await expect(ledger.done).toContainText("已导入：新增 2 个、变更 0 个项目。");
  await expectNoAxeViolations(page);

  await ledger.done.getByRole("link", { name: "查看本园区项目" }).click();
  await expect(page.getByRole("link", { name: `台账导入项目1号${SUFFIX}` }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: `台账导入项目2号${SUFFIX}` }).first()).toBeVisible();
});

test("the upload endpoint refuses a body over 10 MB sent without a length, and a cross-site post, on the real server", async ({ page, signInPage, baseURL }) => {
  await signInPage.signInAs(EDITOR);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const parkId = await page.evaluate(async () => ((await (await fetch("/api/parks")).json()) as { parks: { id: string; slug: string }[] }).parks.find((p) => p.slug === "ningxiang-htz")!.id);
  const url = `${baseURL}/api/import?parkId=${parkId}&kind=projects&mode=preview&name=big.csv`;
  const file = new TextEncoder().encode("项目编号,项目名称,企业,产业,计划总投资\nE2E-X,跨站,企业,新材料,1亿\n");
  const crossSite = await fetch(url, { method: "POST", headers: { cookie, origin: "https://evil.example" }, body: file });
  expect(crossSite.status).toBe(403);
  const sameSite = await fetch(url, { method: "POST", headers: { cookie, origin: baseURL! }, body: file });
  expect(sameSite.status).toBe(200);

  // A stream body goes out chunked: no Content-Length for the server to check before reading.
  const chunk = new TextEncoder().encode(`${"A,".repeat(32_767)}\n`);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= 11 * 1024 * 1024) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const big = await fetch(url, { method: "POST", headers: { cookie, origin: baseURL! }, body, duplex: "half" } as RequestInit);
  expect(big.status).toBe(413);
  expect(big.headers.get("content-type")).toBe("application/problem+json");
  expect(await big.json()).toMatchObject({ type: "urn:parkline:problem:payload-too-large", status: 413, detail: "文件超过 10 MB。" });
});
