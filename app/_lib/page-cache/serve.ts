import "server-only";
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { Locale } from "@/lib/i18n/locale";
import { renderThroughAppRouter, type Listener } from "./render";
import { pageCacheBudget, pageCacheOn } from "./routing";
import { fill, PageStore, templateOf, type RenderedPage } from "./store";

/**
 * The page cache: signed-in pages whose every figure comes from versioned data, kept as rendered.
 * A page is served from here only when everything it was rendered from is unchanged — the viewer
 * (who they are, their parks and roles), the language, the day in China and the data version of what
 * it shows, read from the database on this very request. On a miss the App Router renders the page
 * (render.ts) after that read, so a page is at least as new as the version it is kept under, and a
 * write moves the version: a page is never older than the last write, whichever instance made it.
 * A cached page must therefore depend on nothing else: no clock finer than the day, no query string.
 */

const holder = globalThis as typeof globalThis & { __parklinePageStore?: PageStore };
const store = (holder.__parklinePageStore ??= new PageStore(pageCacheBudget()));

/** hit: served from the cache; miss: rendered now and kept; pass: rendered now for this request only. */
export type CacheOutcome = "hit" | "miss" | "pass";

export interface PageAnswer {
  status: number;
  headers: [string, string][];
  body: Buffer;
  cache: CacheOutcome;
}

export interface PageRequest {
  /** The App Router page's path, e.g. /parks/ningxiang-htz, with the query string if there is one. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The client's address by the one rule (client-address.ts), passed on to the rendering. */
  clientAddress: string;
  listener: Listener;
}

/** What the page shows depends on these and on nothing else. */
export interface PageInputs {
  /** Who is asking: their name, their parks and roles (getParkPageGate's fingerprint). */
  viewerFingerprint: string;
  locale: Locale;
  day: string;
  /** The data version(s) of what the page shows, as read on this request. */
  dataVersion: string;
}

/**
 * The page for this request. `inputs` null means a check refused it, or the page is not cacheable as
 * asked (a query string): the App Router then answers, and refuses it in its own way, and nothing is kept.
 */
export async function servePage(request: PageRequest, inputs: PageInputs | null): Promise<PageAnswer> {
  if (!inputs || !pageCacheOn()) return { ...(await render(request)), cache: "pass" };
  let own: RenderedPage | null = null;
  const { page, hit } = store.get(slotOf(request.path, inputs), `${inputs.dataVersion}|${inputs.day}`, async () => {
    own = await render(request);
    return isKeepable(own) ? templateOf(own) : null;
  });
  const template = await page;
  if (template) return { ...fill(template, newNonce()), cache: hit ? "hit" : "miss" };
  // This request rendered a page that may not be kept (a redirect, an error): it is still its answer.
  if (own) return { ...(own as RenderedPage), cache: "pass" };
  // It waited on another request's rendering, which could not be kept: it renders for itself.
  return { ...(await render(request)), cache: "pass" };
}

function render(request: PageRequest): Promise<RenderedPage> {
  return renderThroughAppRouter(request.listener, request.path, request.headers, request.clientAddress);
}

/** Only a complete page is kept: a 200 HTML document that sets no cookie (a cookie is one response's). */
function isKeepable(page: RenderedPage): boolean {
  const type = page.headers.find(([name]) => name === "content-type")?.[1] ?? "";
  return page.status === 200 && type.startsWith("text/html") && !page.headers.some(([name]) => name === "set-cookie");
}

/** The slot of a page as one viewer sees it in one language, in any of their sessions. */
function slotOf(path: string, { viewerFingerprint, locale }: PageInputs): string {
  return `${path}\n${locale}\n${viewerFingerprint}`;
}

/** A CSP nonce as proxy.ts makes them: 128 random bits, base64. */
function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/** Tests only: forget every page. */
export function clearPageCache() {
  store.clear();
}
