import { z } from "zod";
import { guardedPublicApiRoute } from "@/app/_lib/guard-pages";

// A reference for bench/run.ts, beside /bench/bare: the same constant from a Pages Router API route,
// the kind of route the public status page is served by. The gap between the two is the App Router's
// cost per request, not this app's.
export const config = { api: { bodyParser: false } };

export default guardedPublicApiRoute({ method: "GET", schema: z.object({}), access: { who: "anyone" } }, async () => ({
  status: 200,
  headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head><body><p>bare ${Date.now()}</p></body></html>`,
}));
