import { html, type SafeHtml } from "@/lib/html";
import { PROJECT_STAGES } from "@/lib/domain/values";
import { formatMoney, formatQuantity, isUnsetPlanning } from "@/lib/format/numbers";
import { isCapacityPeriod, isCapacityUnit } from "@/lib/format/units";
import { pickName } from "@/lib/i18n/pick";
import type { MessageKey } from "@/lib/i18n/translate";
import type { PublicParkStatus } from "@/db/queries/public-park-status";
import { hbarChart } from "./charts";
import { entriesSection, figures, header, monthlySection, problemsSection, section, tag, type RenderContext } from "./sections";

function stagesSection(ctx: RenderContext, status: PublicParkStatus): SafeHtml {
  const bars = PROJECT_STAGES.map((s) => ({ label: ctx.t(`stage.${s}`), value: status.stages[s], display: String(status.stages[s]) }));
  return section("stages", ctx.t("share.page.stages"), hbarChart(ctx.t("share.page.stages"), bars));
}

function projectsSection(ctx: RenderContext, status: PublicParkStatus): SafeHtml {
  const showPlanned = status.projects.some((p) => p.planned !== null);
  const showUnit = status.projects.some((p) => p.responsibleUnit !== null);
  const rows = status.projects.map(
    (p) =>
      html`<tr><th scope="row">${pickName(ctx.locale, p.name, p.nameEn)}</th><td>${pickName(ctx.locale, p.cluster, p.clusterEn)}</td><td>${ctx.t(`stage.${p.stage}`)}</td>${
        showPlanned ? html`<td class="n">${p.planned === null ? "—" : formatMoney(p.planned, ctx.locale)}</td>` : ""
      }${showUnit ? html`<td>${p.responsibleUnit ?? "—"}</td>` : ""}</tr>`,
  );
  const more = status.projectCount - status.projects.length;
  return section(
    "projects",
    `${ctx.t("share.page.projects")} (${status.projectCount})`,
    html`<table><thead><tr><th scope="col">${ctx.t("share.page.project")}</th><th scope="col">${ctx.t("project.cluster")}</th><th scope="col">${ctx.t("project.stage")}</th>${
      showPlanned ? html`<th scope="col" class="n">${ctx.t("project.planned")}</th>` : ""
    }${showUnit ? html`<th scope="col">${ctx.t("project.responsibleUnit")}</th>` : ""}</tr></thead><tbody>${rows}</tbody></table>${
      more > 0 ? html`<p class="muted">${ctx.t("share.page.moreProjects", { count: more })}</p>` : ""
    }`,
  );
}

function capacitySection(ctx: RenderContext, status: PublicParkStatus): SafeHtml {
  if (!status.capacity) return html``;
  const qty = (value: string, unit: string, period: string) => (isCapacityUnit(unit) && isCapacityPeriod(period) ? formatQuantity(value, unit, period, ctx.locale) : value);
  const rows = status.capacity.map(
    (c) => html`<tr><th scope="row">${pickName(ctx.locale, c.cluster, c.clusterEn)}</th><td class="n">${qty(c.designed, c.unit, c.period)}</td><td class="n">${qty(c.online, c.unit, c.period)}</td></tr>`,
  );
  return section(
    "capacity",
    ctx.t("share.page.capacity"),
    rows.length
      ? html`<table><thead><tr><th scope="col">${ctx.t("project.cluster")}</th><th scope="col" class="n">${ctx.t("capacity.designed")}</th><th scope="col" class="n">${ctx.t("capacity.online")}</th></tr></thead><tbody>${rows}</tbody></table>`
      : html`<p class="muted">${ctx.t("share.page.none")}</p>`,
  );
}

function lateSection(ctx: RenderContext, status: PublicParkStatus): SafeHtml {
  if (!status.lateMilestones) return html``;
  const items = status.lateMilestones.map((m) => {
    const label = m.type === "custom" && m.customLabel ? m.customLabel : ctx.t(`milestone.type.${m.type}`);
    return html`<li><p><strong>${pickName(ctx.locale, m.projectName, m.projectNameEn)}</strong> · ${label}</p><p class="muted">${ctx.t("milestone.planned")}: ${m.plannedDate}${
      m.forecastDate ? ` · ${ctx.t("milestone.forecast")}: ${m.forecastDate}` : ""
    }</p></li>`;
  });
  return section("late", ctx.t("share.page.late"), items.length ? html`<ul class="log">${items}</ul>` : html`<p class="muted">${ctx.t("share.page.none")}</p>`);
}

export function parkTitle(ctx: RenderContext, status: PublicParkStatus): string {
  return pickName(ctx.locale, status.park.name, status.park.nameEn);
}

export function parkDescription(ctx: RenderContext, status: PublicParkStatus): string {
  const stages = PROJECT_STAGES.filter((s) => status.stages[s] > 0).map((s) => `${ctx.t(`stage.${s}`)} ${status.stages[s]}`);
  const parts = [ctx.t("projects.count", { count: status.projectCount }), stages.join(", ")];
  // A planned total nobody entered (zero) says nothing in a preview.
  if (status.investment && !isUnsetPlanning(status.investment.planned)) parts.push(`${ctx.t("project.planned")}: ${formatMoney(status.investment.planned, ctx.locale)}`);
  return parts.filter(Boolean).join(" · ");
}

export function parkBody(ctx: RenderContext, status: PublicParkStatus): SafeHtml {
  const figs: [MessageKey, string][] = [];
  if (status.investment) figs.push(["project.planned", status.investment.planned]);
  if (status.contracted !== null) figs.push(["project.contracted", status.contracted]);
  if (status.investment) figs.push(["project.inPlace", status.investment.inPlace], ["project.completed", status.investment.completed]);
  const park = status.park;
  const region = `${pickName(ctx.locale, park.province, park.provinceEn)} · ${pickName(ctx.locale, park.city, park.cityEn)}`;
  const tags = html`<ul class="tags">${tag(ctx.t("projects.count", { count: status.projectCount }))}</ul>`;
  return html`${header(ctx, { kicker: parkTitle(ctx, status), title: parkTitle(ctx, status), subtitle: region, asOf: status.asOf, tags, demo: park.isDemo })}<main>${figures(ctx, figs)}${stagesSection(
    ctx,
    status,
  )}${monthlySection(ctx, status.monthly)}${lateSection(ctx, status)}${entriesSection(ctx, status.entries)}${capacitySection(ctx, status)}${problemsSection(
    ctx,
    status.problems,
    status.openProblemCount,
  )}${projectsSection(ctx, status)}</main>`;
}
