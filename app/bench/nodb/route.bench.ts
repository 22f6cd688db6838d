// A reference for bench/run.ts: a dynamic response that touches no database and no session, so the
// dashboard's throughput can be read against what the framework alone costs on this machine.
export const dynamic = "force-dynamic";

export function GET() {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>nodb</title></head><body><p>nodb ${Date.now()}</p></body></html>`;
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
