import { z } from "zod";
import { clientAddressOfNode, guardedPublicApiRoute, headerOf, originOf } from "@/app/_lib/guard-pages";
import { serveSharePage } from "@/app/share/[token]/serve";

// The public status page: /api/share/<token> (the links made now, lib/share-path.ts) and /share/<token>
// (links sent before, rewritten here by next.config.ts). A Pages API route rather
// than an App Router route handler only because it costs this server less than half as much per
// request; the page itself is app/share/[token]/ (README, "Why the status page is a Pages API route").
export const config = { api: { bodyParser: false } };

const querySchema = z.object({ token: z.string().max(200), lang: z.string().max(10).optional() });

export default guardedPublicApiRoute({ method: "GET", schema: querySchema, access: { who: "anyone" } }, ({ input, req }) =>
  serveSharePage({
    token: input.token,
    lang: input.lang,
    acceptLanguage: headerOf(req, "accept-language"),
    acceptEncoding: headerOf(req, "accept-encoding"),
    origin: originOf(req),
    clientIp: clientAddressOfNode(req),
  }),
);
