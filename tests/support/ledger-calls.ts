import { GET as exportRoute } from "@/app/api/parks/[slug]/export/[table]/route";
import { POST as importRoute } from "@/app/api/import/route";
import type { ImportBody, ImportEvent } from "@/app/_lib/ledger/import-types";
import { callAs } from "./action-harness";

/**
 * The ledger routes as a signed-in user would call them (the test file registers the harness mocks).
 */

export interface UploadOptions {
  parkId: string;
  kind?: "projects" | "progress";
  mode?: "preview" | "commit";
  name?: string;
  mapping?: Record<string, string> | string;
  token?: string;
  origin?: string | null;
  headers?: Record<string, string>;
  stream?: boolean;
  /** A region's ledger: the parks of the park's city or province that the user edits. */
  scope?: "city" | "province";
}

export function importRequest(bytes: Uint8Array | null, options: UploadOptions): Request {
  const query = new URLSearchParams({ parkId: options.parkId, kind: options.kind ?? "projects", mode: options.mode ?? "preview", name: options.name ?? "ledger.xlsx" });
  if (options.mapping) query.set("mapping", typeof options.mapping === "string" ? options.mapping : JSON.stringify(options.mapping));
  if (options.token) query.set("token", options.token);
  if (options.stream) query.set("stream", "1");
  if (options.scope) query.set("scope", options.scope);
  const headers: Record<string, string> = { ...options.headers };
  if (options.origin !== null) headers.origin = options.origin ?? "http://localhost";
  return new Request(`http://localhost/api/import?${query}`, { method: "POST", headers, body: bytes as BodyInit | null });
}

export async function upload(email: string | null, bytes: Uint8Array | null, options: UploadOptions): Promise<{ status: number; body: ImportBody }> {
  const response = (await callAs(email, (() => importRoute(importRequest(bytes, options))) as never, {})) as unknown as Response;
  return { status: response.status, body: (await response.json()) as ImportBody };
}

/** Preview then import, the way the page does it. */
export async function previewAndCommit(email: string, bytes: Uint8Array, options: UploadOptions) {
  const preview = await upload(email, bytes, { ...options, mode: "preview" });
  const commit = await upload(email, bytes, { ...options, mode: "commit", token: preview.body.token });
  return { preview, commit };
}

export async function uploadStreamed(email: string, bytes: Uint8Array, options: UploadOptions): Promise<ImportEvent[]> {
  const response = (await callAs(email, (() => importRoute(importRequest(bytes, { ...options, stream: true }))) as never, {})) as unknown as Response;
  const text = await response.text();
  return text.trim().split("\n").map((line) => JSON.parse(line) as ImportEvent);
}

export async function exportTable(email: string | null, slug: string, table: string, query = ""): Promise<Response> {
  const route = () => exportRoute(new Request(`http://localhost/api/parks/${slug}/export/${table}${query}`), { params: Promise.resolve({ slug, table }) });
  return (await callAs(email, route as never, {})) as unknown as Response;
}
