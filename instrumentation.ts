// Next.js calls register() once when a server process starts (never during `next build`), before it
// handles the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHeader } = await import("./app/_lib/peer-address");
  installPeerAddressHeader();
  const { checkStartup } = await import("./app/_lib/startup");
  await checkStartup();
}
