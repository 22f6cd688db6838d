import "server-only";
import http, { type IncomingHttpHeaders } from "node:http";
import { trustedProxyHops } from "../client-address";
import { RENDER_HEADER } from "./routing";
import type { RenderedPage } from "./store";

/** Where this server listens: the page cache's rendering request goes back to it. */
export interface Listener {
  address: string;
  port: number;
}

/**
 * The request headers a page may depend on, forwarded to its rendering: the session and language
 * cookies, the languages, the host its links are made for and the user agent; the X-Forwarded-Host,
 * -Proto and -Port a trusted proxy wrote (client-address.ts), and none the client wrote. Nothing else
 * passes (Next.js's internal x-middleware-* and router headers in particular). The client's address
 * goes as the one X-Forwarded-For entry, as the rule read it.
 */
const FORWARDED = ["accept", "accept-language", "cookie", "host", "user-agent"];
const FORWARDED_FROM_PROXY = ["x-forwarded-host", "x-forwarded-port", "x-forwarded-proto"];

/** Headers that belong to one response, not to the page. */
const PER_RESPONSE = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-parkline-cache"]);

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const RENDER_TIMEOUT_MS = 60_000;

/**
 * The page at `path` as the App Router renders it for the request these headers came with: a GET to
 * this same server, marked so proxy.ts hands it to the App Router rather than back to the cache. The
 * page checks the session itself, as on any other request.
 */
export function renderThroughAppRouter(listener: Listener, path: string, headers: IncomingHttpHeaders, clientAddress: string): Promise<RenderedPage> {
  const sent: Record<string, string | string[]> = { [RENDER_HEADER]: "1", "accept-encoding": "identity", "x-forwarded-for": clientAddress };
  for (const name of [...FORWARDED, ...(trustedProxyHops() > 0 ? FORWARDED_FROM_PROXY : [])]) {
    const value = headers[name];
    if (value !== undefined) sent[name] = value;
  }
  return new Promise((resolve, reject) => {
    const request = http.request({ host: listener.address, port: listener.port, path, method: "GET", headers: sent, agent, timeout: RENDER_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const kept: [string, string][] = [];
        const raw = response.rawHeaders;
        for (let i = 0; i < raw.length; i += 2) {
          if (!PER_RESPONSE.has(raw[i]!.toLowerCase())) kept.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
        }
        const policy = response.headers["content-security-policy"];
        const nonce = typeof policy === "string" ? (/'nonce-([^']+)'/.exec(policy)?.[1] ?? null) : null;
        resolve({ status: response.statusCode ?? 502, headers: kept, body: Buffer.concat(chunks), nonce });
      });
    });
    request.on("timeout", () => request.destroy(new Error(`page cache: rendering ${path} took over ${RENDER_TIMEOUT_MS} ms`)));
    request.on("error", reject);
    request.end();
  });
}
