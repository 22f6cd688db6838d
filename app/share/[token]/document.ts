import { html, raw, type SafeHtml } from "@/lib/html";
import type { Locale } from "@/lib/i18n/locale";
import { createTranslator } from "@/lib/i18n/translate";

/** The page's only styles: small, system fonts, A4-friendly in print. */
const STYLE = raw(`*{box-sizing:border-box}
body{margin:0;background:#f8fafc;color:#0f172a;font:15px/1.55 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif;-webkit-text-size-adjust:100%;overflow-wrap:break-word}
h1,.sub{overflow-wrap:anywhere}td .tag{white-space:nowrap}
.scroll{overflow-x:auto}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.25rem}
.top{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;font-size:.85rem;color:#475569}
.top a{color:#0e6b73;font-weight:600}
h1{font-size:1.5rem;line-height:1.25;margin:.4rem 0 .2rem}
h2{font-size:1.05rem;margin:0 0 .6rem}
p{margin:.3rem 0}
.sub{color:#334155;margin:0}
.muted{color:#475569;font-size:.85rem}
.note{background:#fffbeb;border:1px solid #fcd34d;border-radius:.4rem;padding:.5rem .75rem;font-size:.85rem}
section{background:#fff;border:1px solid #e2e8f0;border-radius:.5rem;padding:1rem;margin:1rem 0}
.tags{display:flex;flex-wrap:wrap;gap:.5rem;margin:.6rem 0 0;padding:0;list-style:none}
.tag{border-radius:1rem;padding:.1rem .6rem;font-size:.85rem;background:#e2e8f0;color:#1e293b}
.on_track{background:#dcfce7;color:#14532d}.at_risk{background:#fef3c7;color:#78350f}.off_track{background:#ffe4e6;color:#881337}
dl.figs{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.75rem;margin:0}
.figs div{border-left:3px solid #0e6b73;padding-left:.6rem}
dt{color:#475569;font-size:.8rem}dd{margin:0;font-size:1.2rem;font-weight:650}
table{width:100%;border-collapse:collapse;font-size:.88rem}
th,td{text-align:left;padding:.35rem .5rem .35rem 0;border-bottom:1px solid #e2e8f0;vertical-align:top}
th{color:#475569;font-weight:600}tbody th{color:#0f172a}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0}.kv dd{font-size:1rem;font-weight:500}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.d{white-space:nowrap;font-variant-numeric:tabular-nums}
ul.log{list-style:none;margin:0;padding:0}
.log li{padding:.5rem 0;border-bottom:1px solid #e2e8f0}.log li:last-child{border:0}
.chart{width:100%;height:auto;max-width:40rem;display:block;margin:.25rem 0 .75rem}.tl,.mb{max-width:26rem}.hb{max-width:28rem}
.chart .l{font-size:12px;fill:#334155}.chart .v{font-size:12px;fill:#0f172a;font-weight:600}
.chart .m{font-size:11px;fill:#475569;text-anchor:middle}
.chart .b{fill:#0e6b73}.chart .plan{fill:#fff;stroke:#0e6b73;stroke-width:2}.chart .fc{fill:#b45309}
.chart .slip{stroke:#be123c;stroke-width:2}.chart .grid{stroke:#e2e8f0}.chart .axis{stroke:#94a3b8}
.chart .today{stroke:#64748b;stroke-dasharray:3 3}
footer{padding-bottom:2rem}
@media print{@page{size:A4;margin:14mm}body{background:#fff;font-size:10.5pt}header,main,footer{max-width:none;padding:0}
section{border:0;border-top:1px solid #cbd5e1;border-radius:0;padding:.6rem 0;margin:.4rem 0;break-inside:avoid}.lang{display:none}a{color:inherit;text-decoration:none}}`);

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute URL of the preview image. */
  image: string;
}

/** The whole document around a page body: no script, no external resource, noindex. */
export function documentHtml(locale: Locale, meta: PageMeta, body: SafeHtml): string {
  const t = createTranslator(locale);
  const other: Locale = locale === "zh" ? "en" : "zh";
  return html`<!doctype html>
<html lang="${locale === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow">
<meta name="referrer" content="no-referrer">
<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
<meta property="og:type" content="website"><meta property="og:title" content="${meta.title}"><meta property="og:description" content="${meta.description}">
<meta property="og:image" content="${meta.image}"><meta property="og:image:type" content="image/svg+xml"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">
<meta name="twitter:card" content="summary_large_image"><meta name="twitter:title" content="${meta.title}"><meta name="twitter:description" content="${meta.description}"><meta name="twitter:image" content="${meta.image}">
<link rel="icon" href="data:,">
<style>${STYLE}</style></head>
<body>${body}
<footer><p class="muted">${t("share.page.footer")}</p>
<p class="lang muted">${t("share.page.language")}: <a href="?lang=${other}" lang="${other === "zh" ? "zh-CN" : "en"}" hreflang="${other}">${t(`lang.${other}`)}</a></p></footer>
</body></html>`.toString();
}

/** One body for unknown, revoked and expired links alike, in both languages: nothing to tell them apart. */
export function errorDocument(kind: "notFound" | "tooMany"): string {
  const zh = createTranslator("zh");
  const en = createTranslator("en");
  const title = kind === "notFound" ? "share.page.notFoundTitle" : "share.page.tooManyTitle";
  const body = kind === "notFound" ? "share.page.notFoundBody" : "share.page.tooManyBody";
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow"><title>${zh(title)} · ${en(title)}</title><link rel="icon" href="data:,"><style>${STYLE}</style></head>
<body><main><section><h1>${zh(title)}</h1><p>${zh(body)}</p></section>
<section lang="en"><h2>${en(title)}</h2><p>${en(body)}</p></section></main></body></html>`.toString();
}
