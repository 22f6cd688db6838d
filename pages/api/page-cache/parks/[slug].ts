import { z } from "zod";
import { guardedCachedParkPage } from "@/app/_lib/guard-pages";

// The park dashboard (app/(app)/parks/[slug]/page.tsx) through the page cache: proxy.ts sends a
// document load of /parks/<slug> here. README, "The page cache", says why and when it renders.
export const config = { api: { bodyParser: false } };

// Every figure of the dashboard is the park's data, whose version each write moves in its transaction.
export default guardedCachedParkPage({
  method: "GET",
  // A slug as parks_slug_chk allows them; anything else names no park, and the page answers it (404).
  schema: z.object({ slug: z.string().max(80).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/) }),
  access: { who: "member", atLeast: "viewer" },
});
