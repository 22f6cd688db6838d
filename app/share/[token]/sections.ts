import { html, type SafeHtml } from "@/lib/html";
import type { Locale } from "@/lib/i18n/locale";
import { pickName } from "@/lib/i18n/pick";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { formatMoney, formatPlanningMoney } from "@/lib/format/numbers";
import type { AsOf, PublicEntry, PublicProblem } from "@/db/queries/public-status";
import { monthBars } from "./charts";
import { recentMonths } from "@/lib/domain/series";

/** Pieces both share pages (project and park) are made of. */
export interface RenderContext {
  locale: Locale;
  t: Translate;
}

/** Long free text is cut so the page stays light on a phone; the reader gets the gist. */
export function clip(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
}

/** `demo`: the park is the demonstration park, and every page showing its figures says they are illustrative. */
export function header({ t }: RenderContext, parts: { kicker: string; title: string; subtitle: string | null; asOf: AsOf; tags: SafeHtml; demo: boolean }): SafeHtml {
  return html`<header><p class="top"><span>${t("share.page.sharedBy", { park: parts.kicker })}</span><span>${t("share.page.asOf", { date: parts.asOf.date })}</span></p>
<h1>${parts.title}</h1>${parts.subtitle ? html`<p class="sub">${parts.subtitle}</p>` : ""}${parts.tags}${parts.demo ? html`<p class="note" data-demo-park>${t("demo.label")}</p>` : ""}
${parts.asOf.snapshot ? html`<p class="note">${t("share.page.snapshotNote", { date: parts.asOf.date })}</p>` : ""}</header>`;
}

export function tag(text: string, tone = ""): SafeHtml {
  return html`<li class="tag ${tone}">${text}</li>`;
}

export function section(id: string, title: string, content: SafeHtml): SafeHtml {
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${content}</section>`;
}

/** Headline figures; hidden ones are simply absent from `figures`. */
export function figures(ctx: RenderContext, figs: [MessageKey, string][]): SafeHtml {
  if (figs.length === 0) return html``;
  // Completed investment is measured; the planning figures are zero until someone enters them.
  const shown = (key: MessageKey, yuan: string) => (key === "project.completed" ? formatMoney(yuan, ctx.locale) : formatPlanningMoney(yuan, ctx.locale, ctx.t("project.notSet")));
  return section(
    "figures",
    ctx.t("share.page.headline"),
    html`<dl class="figs">${figs.map(([key, yuan]) => html`<div><dt>${ctx.t(key)}</dt><dd>${shown(key, yuan)}</dd></div>`)}</dl>`,
  );
}

export function monthlySection(ctx: RenderContext, months: { period: string; yuan: string }[] | null): SafeHtml {
  // Months with nothing logged tell a reader nothing: no chart of zeros.
  if (!months || !months.some((m) => Number(m.yuan) > 0)) return html``;
  // Twelve calendar months up to the latest entry: a month without one keeps its (empty) place.
  const bars = recentMonths(months).map((m) => ({ period: m.period, value: Number(m.yuan ?? 0), display: m.yuan === null ? "—" : formatMoney(m.yuan, ctx.locale) }));
  const rows = bars.map((b) => html`<tr><th scope="row">${b.period.slice(0, 7)}</th><td class="n">${b.display}</td></tr>`);
  return section(
    "monthly",
    ctx.t("project.monthly"),
    html`${monthBars(ctx.t("project.monthly"), bars)}<table><tbody>${rows}</tbody></table>`,
  );
}

export function entriesSection(ctx: RenderContext, entries: PublicEntry[] | null): SafeHtml {
  if (!entries) return html``;
  const items = entries.map((e) => {
    const project = e.projectName ? html`<strong>${pickName(ctx.locale, e.projectName, e.projectNameEn)}</strong> · ` : "";
    return html`<li><p class="muted">${project}${e.period.slice(0, 7)}</p><p>${clip(pickName(ctx.locale, e.narrative, e.narrativeEn), 320)}</p></li>`;
  });
  return section("progress", ctx.t("share.page.progress"), entries.length ? html`<ul class="log">${items}</ul>` : html`<p class="muted">${ctx.t("progress.none")}</p>`);
}

export function problemsSection(ctx: RenderContext, problems: PublicProblem[] | null, total?: number | null): SafeHtml {
  if (!problems) return html``;
  const title = total !== undefined && total !== null ? `${ctx.t("problem.title")} (${total})` : ctx.t("problem.title");
  const items = problems.map((p) => {
    const project = p.projectName ? html`<strong>${pickName(ctx.locale, p.projectName, p.projectNameEn)}</strong> · ` : "";
    const meta = [p.owner ? ctx.t("problem.owner", { owner: p.owner }) : null, p.dueDate ? ctx.t("problem.due", { date: p.dueDate }) : null].filter(Boolean).join(" · ");
    return html`<li><p>${project}${clip(p.description, 240)}</p>${meta ? html`<p class="muted">${meta}</p>` : ""}</li>`;
  });
  return section("problems", title, problems.length ? html`<ul class="log">${items}</ul>` : html`<p class="muted">${ctx.t("problem.none")}</p>`);
}
