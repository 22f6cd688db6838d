// The layers (README, "Code layout"): lib/ at the ground; db/ on lib/; components/ on lib/ and
// components; app/ on anything. Type-only imports count too (tsPreCompilationDeps), so a row type a
// component needs must live in lib/ or be a prop type. `npm test` runs this through `npm run lint:layers`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "lib-is-the-ground-floor",
      comment: "lib/ holds pure rules shared by every layer: it imports libraries only, none of our folders.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|db|components|pages|bench|tests)/|^(proxy|instrumentation|next\\.config)\\.ts$" },
    },
    {
      name: "db-stands-on-lib-only",
      comment: "The data layer may use the shared rules in lib/, never the routes or the UI above it.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^(app|components|pages|bench|tests)/|^(proxy|instrumentation|next\\.config)\\.ts$" },
    },
    {
      name: "components-never-reach-up",
      comment: "Shared UI takes its data and server actions as props: no db/ (not even types) and no app/.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^(app|db|pages|bench|tests)/|^(proxy|instrumentation)\\.ts$" },
    },
    {
      name: "no-circular-lib",
      comment: "The ground floor has no cycles: each rule can be read without the ones that use it.",
      severity: "error",
      from: { path: "^lib/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|\\.data|db/migrations)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
