import { html, type SafeHtml } from "@/lib/html";
import { milestoneHealth, slipDays, type MilestoneDates } from "@/lib/domain/milestones";
import { formatMoney, formatQuantity, isUnsetPlanning } from "@/lib/format/numbers";
import { isCapacityPeriod, isCapacityUnit } from "@/lib/format/units";
import { pickName } from "@/lib/i18n/pick";
import type { MessageKey } from "@/lib/i18n/translate";
import type { PublicMilestone, PublicProjectStatus } from "@/db/queries/public-status";
import { milestoneTimeline } from "./charts";
import { entriesSection, figures, header, monthlySection, problemsSection, section, tag, type RenderContext } from "./sections";

function milestoneLabel(ctx: RenderContext, m: PublicMilestone): string {
  return m.type === "custom" && m.customLabel ? m.customLabel : ctx.t(`milestone.type.${m.type}`);
}

function milestonesSection(ctx: RenderContext, status: PublicProjectStatus): SafeHtml {
  const list = status.milestones;
  if (!list) return html``;
  if (list.length === 0) return section("milestones", ctx.t("milestone.title"), html`<p class="muted">${ctx.t("milestone.none")}</p>`);
  const today = status.asOf.date;
  const points = list.map((m) => ({ label: milestoneLabel(ctx, m), planned: m.plannedDate, forecast: m.forecastDate, actual: m.actualDate }));
  // A moved baseline keeps its lateness visible: the slip against the first plan beside the current one.
  const moved = list.some((m) => m.originalPlannedDate && m.originalPlannedDate !== m.plannedDate);
  const slipCell = (m: MilestoneDates) => {
    const slip = slipDays(m, today);
    return slip === null ? "—" : html`<span class="tag ${milestoneHealth(m, today)}">${ctx.t("milestone.slipDays", { days: slip })}</span>`;
  };
  const rows = list.map((m) => {
    const reached = m.actualDate ?? (m.forecastDate ? html`<span class="muted">${ctx.t("share.page.forecastOn", { date: m.forecastDate })}</span>` : "—");
    const original = moved
      ? html`<td class="d">${m.originalPlannedDate ?? "—"}</td><td class="n">${m.originalPlannedDate && m.originalPlannedDate !== m.plannedDate ? slipCell({ ...m, plannedDate: m.originalPlannedDate }) : "—"}</td>`
      : html``;
    return html`<tr><th scope="row">${milestoneLabel(ctx, m)}</th><td class="d">${m.plannedDate ?? "—"}</td><td class="d">${reached}</td><td class="n">${slipCell(m)}</td>${original}</tr>`;
  });
  const originalHead = moved ? html`<th scope="col">${ctx.t("milestone.originalPlanned")}</th><th scope="col" class="n">${ctx.t("milestone.slipOriginal")}</th>` : html``;
  return section(
    "milestones",
    ctx.t("milestone.title"),
    html`${milestoneTimeline(ctx.t("milestone.title"), points, today)}<div class="scroll"><table><thead><tr><th scope="col">${ctx.t("milestone.type")}</th><th scope="col">${ctx.t("share.page.colPlanned")}</th><th scope="col">${ctx.t("share.page.colActual")}</th><th scope="col" class="n">${ctx.t("milestone.slip")}</th>${originalHead}</tr></thead><tbody>${rows}</tbody></table></div>`,
  );
}

function capacitySection(ctx: RenderContext, status: PublicProjectStatus): SafeHtml {
  if (!status.capacity) return html``;
  if (status.capacity.length === 0) return section("capacity", ctx.t("share.page.capacity"), html`<p class="muted">${ctx.t("structure.none")}</p>`);
  const qty = (value: string, unit: string, period: string) => (isCapacityUnit(unit) && isCapacityPeriod(period) ? formatQuantity(value, unit, period, ctx.locale) : value);
  const rows = status.capacity.map(
    (c) => html`<tr><th scope="row">${pickName(ctx.locale, c.product, c.productEn)}</th><td class="n">${qty(c.designed, c.unit, c.period)}</td><td class="n">${qty(c.online, c.unit, c.period)}</td></tr>`,
  );
  return section(
    "capacity",
    ctx.t("share.page.capacity"),
    html`<table><thead><tr><th scope="col">${ctx.t("share.page.product")}</th><th scope="col" class="n">${ctx.t("capacity.designed")}</th><th scope="col" class="n">${ctx.t("capacity.online")}</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

function contactsSection(ctx: RenderContext, status: PublicProjectStatus): SafeHtml {
  if (!status.contacts) return html``;
  const { responsibleUnit, leaderInCharge } = status.contacts;
  return section(
    "contacts",
    ctx.t("share.page.contacts"),
    html`<dl class="kv"><dt>${ctx.t("project.responsibleUnit")}</dt><dd>${responsibleUnit ?? ctx.t("project.notSet")}</dd><dt>${ctx.t("project.leaderInCharge")}</dt><dd>${leaderInCharge ?? ctx.t("project.notSet")}</dd></dl>`,
  );
}

/** Computed health is the one model's; with milestones hidden the page says the health is the reported one. */
function healthLabel(ctx: RenderContext, status: PublicProjectStatus): string {
  return ctx.t(status.healthSource === "computed" ? "share.page.health" : "share.page.reportedHealth");
}

export function projectTitle(ctx: RenderContext, status: PublicProjectStatus): string {
  return pickName(ctx.locale, status.project.name, status.project.nameEn);
}

/** The preview text: stage, health and — only when shown on the page — the planned total. */
export function projectDescription(ctx: RenderContext, status: PublicProjectStatus): string {
  const parts = [
    pickName(ctx.locale, status.project.company, status.project.companyEn),
    `${ctx.t("project.stage")}: ${ctx.t(`stage.${status.project.stage}`)}`,
    `${healthLabel(ctx, status)}: ${ctx.t(`health.${status.project.health}`)}`,
  ];
  // A planned total nobody entered (zero) says nothing in a preview.
  if (status.investment && !isUnsetPlanning(status.investment.planned)) parts.push(`${ctx.t("project.planned")}: ${formatMoney(status.investment.planned, ctx.locale)}`);
  return parts.join(" · ");
}

export function projectBody(ctx: RenderContext, status: PublicProjectStatus): SafeHtml {
  const p = status.project;
  const figs: [MessageKey, string][] = [];
  if (status.investment) figs.push(["project.planned", status.investment.planned]);
  if (status.contracted !== null) figs.push(["project.contracted", status.contracted]);
  if (status.investment) figs.push(["project.inPlace", status.investment.inPlace], ["project.completed", status.investment.completed]);
  const tags = html`<ul class="tags"><li class="tag">${ctx.t("project.stage")}: ${ctx.t(`stage.${p.stage}`)}</li>${tag(`${healthLabel(ctx, status)}: ${ctx.t(`health.${p.health}`)}`, p.health)}${tag(
    pickName(ctx.locale, p.cluster, p.clusterEn),
  )}</ul>`;
  return html`${header(ctx, {
    kicker: pickName(ctx.locale, status.park.name, status.park.nameEn),
    title: projectTitle(ctx, status),
    subtitle: pickName(ctx.locale, p.company, p.companyEn),
    asOf: status.asOf,
    tags,
    demo: status.park.isDemo,
  })}<main>${figures(ctx, figs)}${monthlySection(ctx, status.monthly)}${milestonesSection(ctx, status)}${entriesSection(ctx, status.entries)}${capacitySection(
    ctx,
    status,
  )}${problemsSection(ctx, status.problems)}${contactsSection(ctx, status)}</main>`;
}
