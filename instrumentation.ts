// Next.js calls register() once when a server process starts (never during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkStartup } = await import("./app/_lib/startup");
  await checkStartup();
}
