import type { ImportBody, ImportEvent } from "@/app/_lib/ledger/import-types";

/** What the progress bar shows: the upload (bytes sent), then the server's phases as it streams them. */
export type SendProgress = { phase: "upload"; loaded: number; total: number } | Extract<ImportEvent, { type: "progress" }>;

/**
 * POSTs a ledger file with XMLHttpRequest (fetch reports no upload progress) and reads the NDJSON
 * stream as it arrives. A refusal before the stream starts (401, 403, 413, 400) is application/problem+json.
 */
export function sendLedger(url: string, file: File, onProgress: (p: SendProgress) => void): Promise<{ status: number; body: ImportBody }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    let result: { status: number; body: ImportBody } | null = null;
    const drain = () => {
      if (!xhr.getResponseHeader("content-type")?.startsWith("application/x-ndjson")) return;
      const text = xhr.responseText;
      let end = text.indexOf("\n", read);
      while (end >= 0) {
        const event = JSON.parse(text.slice(read, end)) as ImportEvent;
        if (event.type === "result") result = { status: event.status, body: event.body };
        else onProgress(event);
        read = end + 1;
        end = text.indexOf("\n", read);
      }
    };
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress({ phase: "upload", loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onprogress = drain;
    xhr.onload = () => {
      try {
        drain();
        resolve(result ?? { status: xhr.status, body: importBodyOf(JSON.parse(xhr.responseText) as ImportBody & { detail?: string }) });
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(file);
  });
}

/** A refusal before the file was read (sign-in, access, size) is a bare problem: its detail is the error to show. */
function importBodyOf(body: ImportBody & { detail?: string }): ImportBody {
  return body.error === undefined && typeof body.detail === "string" ? { ...body, ok: false, error: body.detail } : body;
}
