import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, clientAddressOf, isSameOrigin, PEER_HEADER_KEY, parseTrustedProxyHops, requestHostOf } from "@/app/_lib/client-address";
import { clientAddressOfNode } from "@/app/_lib/guard-pages";

const PEER = "192.0.2.10";

describe("the client's address (one rule, PARKLINE_TRUSTED_PROXY_HOPS)", () => {
  it("with no trusted proxy is the TCP peer, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf(PEER, "203.0.113.9", 0)).toBe(PEER);
    expect(clientAddressOf(PEER, "203.0.113.9, 198.51.100.1", 0)).toBe(PEER);
    expect(clientAddressOf(`::ffff:${PEER}`, null, 0)).toBe(PEER);
    expect(clientAddressOf(null, "203.0.113.9", 0)).toBe("unknown");
  });

  it("behind N proxies is the Nth X-Forwarded-For entry from the right, the one the outermost proxy wrote", () => {
    // The client wrote "1.1.1.1"; proxy A appended the client's real address, proxy B appended A's.
    const header = "1.1.1.1, 203.0.113.9, 10.0.0.2";
    expect(clientAddressOf("10.0.0.3", header, 1)).toBe("10.0.0.2");
    expect(clientAddressOf("10.0.0.3", header, 2)).toBe("203.0.113.9");
    // Fewer entries than hops: the leftmost one, never the client's next choice.
    expect(clientAddressOf("10.0.0.3", "203.0.113.9", 3)).toBe("203.0.113.9");
    expect(clientAddressOf("10.0.0.3", null, 1)).toBe("10.0.0.3");
    expect(clientAddressOf(null, null, 1)).toBe("unknown");
  });

  it("cannot be chosen by what the client prepends to X-Forwarded-For", () => {
    fc.assert(
      fc.property(fc.array(fc.ipV4(), { maxLength: 5 }), fc.integer({ min: 0, max: 4 }), (written, hops) => {
        const proxies = ["203.0.113.9", "10.0.0.1", "10.0.0.2", "10.0.0.3"].slice(0, hops);
        const header = [...written, ...proxies].join(", ");
        const expected = hops === 0 ? PEER : proxies[0];
        expect(clientAddressOf(PEER, header || null, hops)).toBe(expected);
      }),
    );
  });

  it("reads the peer from the header only this process knows the name of, and nothing when it has none", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9", "x-parkline-peer": "198.51.100.7" });
    const global = globalThis as { [PEER_HEADER_KEY]?: string };
    expect(clientAddress(headers, 0)).toBe("unknown");
    global[PEER_HEADER_KEY] = "x-parkline-peer-test";
    try {
      headers.set("x-parkline-peer-test", PEER);
      expect(clientAddress(headers, 0)).toBe(PEER);
      expect(clientAddress(headers, 1)).toBe("203.0.113.9");
    } finally {
      delete global[PEER_HEADER_KEY];
    }
  });

  it("in a Pages API route, reads the socket", () => {
    const req = { headers: { "x-forwarded-for": "203.0.113.9" }, socket: { remoteAddress: `::ffff:${PEER}` } };
    expect(clientAddressOfNode(req, 0)).toBe(PEER);
    expect(clientAddressOfNode(req, 1)).toBe("203.0.113.9");
  });
});

describe("PARKLINE_TRUSTED_PROXY_HOPS", () => {
  afterEach(() => {
    delete process.env.PARKLINE_TRUSTED_PROXY_HOPS;
  });

  it("is 0 when unset and refuses anything but a whole number up to 10", () => {
    expect(parseTrustedProxyHops({})).toBe(0);
    expect(parseTrustedProxyHops({ PARKLINE_TRUSTED_PROXY_HOPS: " 2 " })).toBe(2);
    for (const bad of ["-1", "1.5", "x", "11", "1e1"]) expect(parseTrustedProxyHops({ PARKLINE_TRUSTED_PROXY_HOPS: bad })).toBeNull();
  });

  it("is read at each request", () => {
    const headers = new Headers({ host: "parks.example.cn", origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    expect(isSameOrigin(headers)).toBe(false);
    process.env.PARKLINE_TRUSTED_PROXY_HOPS = "1";
    expect(isSameOrigin(headers)).toBe(true);
  });
});

describe("the Origin rule", () => {
  const post = (headers: Record<string, string>) => new Headers(headers);

  it("with no trusted proxy compares Origin with the Host header, never X-Forwarded-Host", () => {
    expect(isSameOrigin(post({ host: "parks.example.cn", origin: "https://parks.example.cn" }), { hops: 0 })).toBe(true);
    expect(isSameOrigin(post({ host: "parks.example.cn", origin: "https://evil.example", "x-forwarded-host": "evil.example" }), { hops: 0 })).toBe(false);
    expect(isSameOrigin(post({ host: "parks.example.cn" }), { hops: 0 })).toBe(false);
    expect(isSameOrigin(post({ host: "parks.example.cn", origin: "null" }), { hops: 0 })).toBe(false);
    // A client-written X-Forwarded-Host that disagrees with Host is refused too (Next.js would read it).
    expect(isSameOrigin(post({ host: "parks.example.cn", origin: "https://parks.example.cn", "x-forwarded-host": "evil.example" }), { hops: 0 })).toBe(false);
    expect(isSameOrigin(post({ host: "parks.example.cn", origin: "https://parks.example.cn", "x-forwarded-host": "parks.example.cn" }), { hops: 0 })).toBe(true);
  });

  it("behind a trusted proxy compares it with the last X-Forwarded-Host entry", () => {
    const headers = { host: "app:3000", origin: "https://parks.example.cn", "x-forwarded-host": "evil.example, parks.example.cn" };
    expect(isSameOrigin(post(headers), { hops: 1 })).toBe(true);
    expect(isSameOrigin(post({ ...headers, origin: "https://evil.example" }), { hops: 1 })).toBe(false);
    expect(requestHostOf("app:3000", null, 1)).toBe("app:3000");
  });

  it("falls back on the request URL's host only when there is no Host header", () => {
    expect(isSameOrigin(post({ origin: "http://localhost" }), { hops: 0, urlHost: "localhost" })).toBe(true);
    expect(isSameOrigin(post({ host: "parks.example.cn", origin: "http://localhost" }), { hops: 0, urlHost: "localhost" })).toBe(false);
  });
});
