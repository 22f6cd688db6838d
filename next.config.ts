import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its .wasm and data files by URL at run time; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  reactStrictMode: true,
  devIndicators: false,
  typedRoutes: false,
};

export default nextConfig;
