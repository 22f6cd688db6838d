// What `import "server-only"` resolves to in server bundles (next.config.ts says why): nothing to do,
// the code is already on the server.
export {};
