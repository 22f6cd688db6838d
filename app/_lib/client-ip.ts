/**
 * The address the nearest hop saw: the last X-Forwarded-For entry (Next.js sets it from the socket when
 * no proxy did). Behind a reverse proxy that appends to the header, that is the proxy's view of the client.
 * Takes the two header values so both routers (a web Request, a Pages API route's Node request) share it.
 */
export function clientIpOf(forwardedFor: string | null | undefined, realIp: string | null | undefined): string {
  const last = forwardedFor?.split(",").at(-1)?.trim();
  return (last || realIp?.trim() || "unknown").slice(0, 100);
}

export function clientIp(request: Request): string {
  return clientIpOf(request.headers.get("x-forwarded-for"), request.headers.get("x-real-ip"));
}
