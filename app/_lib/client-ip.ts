/**
 * The address the nearest hop saw: the last X-Forwarded-For entry (Next.js sets it from the socket when
 * no proxy did). Behind a reverse proxy that appends to the header, that is the proxy's view of the client.
 */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return (last || request.headers.get("x-real-ip")?.trim() || "unknown").slice(0, 100);
}
