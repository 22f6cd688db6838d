import "server-only";

// The app's single database instance; see db/instance.ts for why it lives on globalThis.
export { getDb } from "./instance";
