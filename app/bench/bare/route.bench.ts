// A reference for bench/run.ts: the cheapest dynamic response this stack serves — a constant from a
// route handler that proxy.ts does not run for (see its matcher). /bench/nodb is the same through proxy.ts.
export const dynamic = "force-dynamic";

export function GET() {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head><body><p>bare ${Date.now()}</p></body></html>`;
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
