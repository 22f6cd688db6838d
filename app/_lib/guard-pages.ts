import "server-only";
import type { NextApiRequest, NextApiResponse } from "next";
import type { z } from "zod";
import { localeFromHeaders } from "./i18n/locale";
import { createTranslator } from "./i18n/translate";

/** A route's answer, written by whichever router serves it. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export type PagesApiHandler = ((req: NextApiRequest, res: NextApiResponse) => Promise<void>) & { method: "GET" };

function problem(status: number, message: string): Answer {
  return { status, headers: { "content-type": "application/json", "cache-control": "no-store" }, body: JSON.stringify({ error: message, status }) };
}

/**
 * guardedRoute (guard.ts) for the Pages Router's API routes: the public status page is one, because a
 * Pages API route costs this server less than half of what an App Router route handler does (README,
 * "Why the status page is a Pages API route"). The same checks in the same order: who is asking — only
 * `anyone`, as a Pages API route has no session (getViewer needs the App Router's request scope) — then
 * the method, then the input: the query, route parameters included, validated by zod, else a 400 in the
 * caller's language.
 */
export function guardedPublicApiRoute<S extends z.ZodType>(
  options: { method: "GET"; schema: S; access: { who: "anyone" } },
  handler: (ctx: { input: z.output<S>; req: NextApiRequest }) => Promise<Answer>,
): PagesApiHandler {
  const route = async (req: NextApiRequest, res: NextApiResponse): Promise<void> => {
    let answer: Answer;
    if (req.method !== options.method && req.method !== "HEAD") {
      answer = problem(405, "Method Not Allowed");
      answer.headers.allow = `${options.method}, HEAD`;
    } else {
      const parsed = options.schema.safeParse(req.query);
      if (parsed.success) answer = await handler({ input: parsed.data, req });
      else {
        const t = createTranslator(localeFromHeaders(req.headers.cookie, req.headers["accept-language"]));
        answer = problem(400, t("error.badRequest"));
      }
    }
    res.statusCode = answer.status;
    for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
    // One write: headers and body leave in a single packet, with a Content-Length.
    res.end(answer.body);
  };
  return Object.assign(route, { method: options.method });
}

/** A request header as one string (Node gives repeated ones as an array). */
export function headerOf(req: Pick<NextApiRequest, "headers">, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** scheme://host the reader used, from the x-forwarded-* headers Next.js fills in from the socket when no proxy did. */
export function originOf(req: Pick<NextApiRequest, "headers">): string {
  const proto = headerOf(req, "x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  const host = (headerOf(req, "x-forwarded-host") ?? headerOf(req, "host"))?.split(",")[0]?.trim() ?? "";
  return `${proto}://${/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : "localhost"}`;
}
