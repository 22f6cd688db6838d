import { z } from "zod";
import { getDb } from "@/db/client";
import { pingDatabase } from "@/db/queries/readiness";
import { guardedRoute } from "@/app/_lib/guard";
import { routeMethods } from "@/app/_lib/api/methods";
import { workerHealth } from "@/app/_lib/notify/worker";

export const dynamic = "force-dynamic";

/** Readiness: 200 when the database answers, 503 otherwise. Public, and says nothing private. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: guardedRoute({ schema: z.object({}), access: { who: "anyone" } }, async () => {
    const started = Date.now();
    try {
      const db = await getDb();
      await pingDatabase(db);
      // The job worker's state is reported, not judged: the app serves without it (README, "Notifications").
      const worker = workerHealth();
      const jobs = { worker: worker.running ? "running" : worker.lastError ? "failed" : "off", lastRunAt: worker.lastRunAt };
      return Response.json({ status: "ok", database: "reachable", latencyMs: Date.now() - started, jobs }, { headers: { "cache-control": "no-store" } });
    } catch {
      return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers: { "cache-control": "no-store" } });
    }
  }),
});
