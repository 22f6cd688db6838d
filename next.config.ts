import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its .wasm and data files by URL at run time; bundling breaks that. ExcelJS and
  // iconv-lite (ledger import and export) are large CommonJS packages best left to Node.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "exceljs", "iconv-lite"],
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
      // The public status pages carry their token in the URL: it must never leave in a Referer.
      { source: "/share/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default nextConfig;
