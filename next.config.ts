import type { NextConfig } from "next";
import { pageCacheRewrites } from "./app/_lib/page-cache/routing";
import { BENCH_ROUTES_FLAG, pageExtensionsFor } from "./bench/route-files";

// `npm run bench` builds with PARKLINE_BENCH_ROUTES=1; any other build leaves its reference routes out.
const benchRoutes = process.env[BENCH_ROUTES_FLAG] === "1";

const nextConfig: NextConfig = {
  // The bench's reference routes (app/bench/**/{page,route}.bench.tsx?, pages/api/bench/*.bench.mts)
  // are route files only with the flag: without it their names match none of these extensions.
  pageExtensions: pageExtensionsFor(benchRoutes),
  // Inlined at build time, so proxy.ts keeps /bench public only in a build that has the routes.
  env: { [BENCH_ROUTES_FLAG]: benchRoutes ? "1" : "" },
  // PGlite loads its .wasm and data files by URL at run time; bundling breaks that. ExcelJS and
  // iconv-lite (ledger import and export) are large CommonJS packages best left to Node.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "exceljs", "iconv-lite", "pdfmake", "docx", "@expo-google-fonts/noto-sans-sc", "pg-boss"],
  // The public status page is a Pages API route (pages/api/share/[token].ts, README: "Why the status
  // page is a Pages API route") built from the same server-only modules as the App Router. The Pages
  // Router bundles without the react-server condition, where "server-only" throws, so on the server it
  // resolves to an empty module; the browser keeps the throwing one, and Next's build still refuses a
  // client component that imports a server-only module. Bundled (not external) so the alias applies.
  transpilePackages: ["server-only"],
  turbopack: { resolveAlias: { "server-only": { browser: "server-only", default: "./app/_lib/server-only-on-server.ts" } } },
  async rewrites() {
    return {
      beforeFiles: [
        // Status links sent before they pointed at /api/share/<token> directly (lib/share-path.ts says why).
        { source: "/share/:token", destination: "/api/share/:token" },
        // Signed-in document loads of the pages the page cache serves (app/_lib/page-cache/routing.ts).
        ...pageCacheRewrites(),
      ],
    };
  },
  poweredByHeader: false,
  reactStrictMode: true,
  devIndicators: false,
  typedRoutes: false,
  // The Content-Security-Policy (with a per-request nonce) is set in proxy.ts.
  async headers() {
    const production = process.env.NODE_ENV === "production";
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          // Browsers only honour HSTS over HTTPS, so it is harmless on an intranet served over HTTP.
          ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
        ],
      },
      // proxy.ts sets the pages' policy; route handlers under /api (which it skips) answer data only.
      { source: "/api/((?!auth/).*)", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
      // The public status pages carry their token in the URL: it must never leave in a Referer.
      { source: "/share/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      // One-time links carry their token in the path: no page they lead to may see it as a referrer.
      { source: "/invite/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/reset/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default nextConfig;
