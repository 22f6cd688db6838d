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
