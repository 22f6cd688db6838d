// Next.js calls register() once when a server process starts (never during `next build`), before it
// handles the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHeader } = await import("./app/_lib/peer-address");
  installPeerAddressHeader();
  const { checkStartup } = await import("./app/_lib/startup");
  await checkStartup();
  // The job worker (reminders, digests, deliveries) runs in the server process, node runtime only.
  // A failure to start it is logged and shown by /api/health; the app keeps serving.
  const { startWorker, recordWorkerStartFailure } = await import("./app/_lib/notify/worker");
  await startWorker().catch(recordWorkerStartFailure);
}
