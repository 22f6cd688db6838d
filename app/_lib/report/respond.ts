import "server-only";
import { z } from "zod";
import { isoToday } from "@/lib/domain/milestones";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { createTranslator } from "@/lib/i18n/translate";
import type { MessageKey } from "@/lib/i18n/translate";
import { lastClosedMonth, REPORT_FORMATS, reportMonth, type ReportFigures, type ReportFormat, type ReportScope } from "@/lib/report/figures";
import { buildReportDocument } from "@/lib/report/model";
import { Refusal } from "@/lib/refusal";
import { renderDocx } from "./docx";
import { renderPdf } from "./pdf";

/**
 * The query of both report routes as the guard reads it: any text, so that a wrong value is refused
 * here by name ("the month is YYYY-MM"), not as a bare bad request. Unknown parameters are ignored.
 */
export const reportQuerySchema = z.object({
  month: z.string().optional(),
  format: z.string().optional(),
  lang: z.string().optional(),
  scope: z.string().optional(),
  cluster: z.string().optional(),
});

export interface ReportOptions {
  month: string;
  asOf: string;
  today: string;
  format: ReportFormat;
  locale: Locale;
  scope: ReportScope;
}

/** Names as the database can hold them: no control characters (PostgreSQL refuses NUL in text). */
export const isPlainName = (text: string) => text.length <= 200 && !/[\u0000-\u001f\u007f]/.test(text);

const bad = (field: string, messageKey: MessageKey) => new Refusal(400, messageKey, { fields: [{ field, messageKey }] });

/**
 * The report's month (default: the month that just closed), format (default PDF), language (default
 * the reader's) and projects (default the key ones); a wrong one is a 400 naming the parameter.
 */
export function reportOptions(input: z.output<typeof reportQuerySchema>, requestLocale: Locale): ReportOptions {
  const today = isoToday();
  const month = reportMonth(input.month ?? lastClosedMonth(today), today);
  if (!month) throw bad("month", "report.bad.month");
  const format = input.format ?? "pdf";
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw bad("format", "report.bad.format");
  const locale = input.lang ?? requestLocale;
  if (!isLocale(locale)) throw bad("lang", "report.bad.lang");
  const cluster = input.cluster?.trim() ?? "";
  const scope: ReportScope | null =
    (input.scope ?? "key") === "key" ? { kind: "key" } : input.scope === "all" ? { kind: "all" } : input.scope === "cluster" && cluster && isPlainName(cluster) ? { kind: "cluster", cluster } : null;
  if (!scope) throw bad("scope", "report.bad.scope");
  return { ...month, today, format: format as ReportFormat, locale, scope };
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** RFC 6266 / 8187: an ASCII fallback name and the real one in UTF-8. */
function contentDisposition(baseName: string, asciiName: string, format: ReportFormat): string {
  return `attachment; filename="${asciiName}.${format}"; filename*=UTF-8''${encodeURIComponent(`${baseName}.${format}`)}`;
}

/** The figures as the chosen document, as an attachment named after the report (ASCII fallback: `asciiName`). */
export async function reportResponse(figures: ReportFigures, options: ReportOptions, asciiName: string): Promise<Response> {
  const doc = buildReportDocument(figures, { locale: options.locale, t: createTranslator(options.locale) });
  const body = options.format === "docx" ? await renderDocx(doc) : await renderPdf(doc);
  return new Response(body as BodyInit, {
    headers: {
      "content-type": CONTENT_TYPES[options.format],
      "content-disposition": contentDisposition(doc.fileBaseName, `${asciiName.replace(/[^A-Za-z0-9._-]/g, "-")}-${options.month}-${options.locale}`, options.format),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
