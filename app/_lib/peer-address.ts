import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { normaliseAddress, PEER_HEADER_KEY } from "./client-address";

/**
 * Puts the TCP peer's address on every incoming request, as a header only this process knows the name
 * of (client-address.ts reads it). Needed because App Router route handlers and server actions see
 * headers, not the socket, and Next.js gives them nothing better: it sets X-Forwarded-For from the socket
 * only when the client sent none (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in
 * next/dist/server/base-server.js), so a client-written one is all they would see. Node publishes
 * "http.server.request.start" for each request before the server's request listener runs.
 */
export function installPeerAddressHeader(): void {
  const global = globalThis as { [PEER_HEADER_KEY]?: string };
  if (global[PEER_HEADER_KEY]) return;
  const name = `x-parkline-peer-${randomBytes(12).toString("hex")}`;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[name] = normaliseAddress(socket.remoteAddress ?? "unknown");
  });
  global[PEER_HEADER_KEY] = name;
}
