import { z } from "zod";
import { chinaToday } from "./china-day";
import { checkbox, checkboxValue, isoDate, requiredText, uuid } from "./fields";

/** What a share page may show. Everything sensitive is off unless the link's creator ticks it. */
export const REDACTION_SECTIONS = ["investment", "contractAmounts", "milestones", "progress", "capacity", "problems", "contacts"] as const;
export type RedactionSection = (typeof REDACTION_SECTIONS)[number];
export type Redaction = Record<RedactionSection, boolean>;

export const DEFAULT_REDACTION: Redaction = {
  investment: true,
  contractAmounts: false,
  milestones: true,
  progress: true,
  capacity: true,
  problems: false,
  contacts: false,
};

export const redactionSchema = z.object({
  investment: checkbox().default(DEFAULT_REDACTION.investment),
  contractAmounts: checkbox().default(DEFAULT_REDACTION.contractAmounts),
  milestones: checkbox().default(DEFAULT_REDACTION.milestones),
  progress: checkbox().default(DEFAULT_REDACTION.progress),
  capacity: checkbox().default(DEFAULT_REDACTION.capacity),
  problems: checkbox().default(DEFAULT_REDACTION.problems),
  contacts: checkbox().default(DEFAULT_REDACTION.contacts),
});

const NOTHING: Redaction = Object.fromEntries(REDACTION_SECTIONS.map((s) => [s, false])) as Redaction;

// Built once: zod compiles a schema on its first parse, so `.strict()` inside parseRedaction compiled a
// new schema for every status page served (~0.3 ms each).
const storedRedactionSchema = redactionSchema.strict();

/** The stored profile; a profile that does not parse shows nothing rather than everything. */
export function parseRedaction(stored: unknown): Redaction {
  const parsed = storedRedactionSchema.safeParse(stored);
  return parsed.success ? parsed.data : NOTHING;
}

/** 32 random bytes, base64url without padding: 256 bits. */
export const SHARE_TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

const optionalDate = () =>
  z
    .string()
    .optional()
    .transform((s) => (s && s.trim() ? s.trim() : null))
    .pipe(isoDate().nullable());

/**
 * The create form: `target` is "park" or the id of one of the park's projects (the data layer checks
 * that it is). The redaction checkboxes arrive as `show.<section>` and become booleans in `fromForm`.
 */
export const createShareLinkSchema = z
  .object({
    parkId: uuid(),
    label: requiredText(120),
    target: z.union([z.literal("park"), uuid()], "validation.invalid"),
    expiresOn: optionalDate(),
    snapshotOn: optionalDate(),
    redaction: redactionSchema,
  })
  .superRefine((v, ctx) => {
    const today = chinaToday();
    if (v.expiresOn && v.expiresOn < today) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "share.expiryPast" });
    if (v.snapshotOn && v.snapshotOn > today) ctx.addIssue({ code: "custom", path: ["snapshotOn"], message: "share.snapshotFuture" });
  })
  .transform(({ target, ...v }) => ({
    ...v,
    scope: target === "park" ? ("park" as const) : ("project" as const),
    projectId: target === "park" ? null : target,
  }));


export function shareFormToObject(formData: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  return {
    parkId: text("parkId"),
    label: text("label"),
    target: text("target"),
    expiresOn: text("expiresOn"),
    snapshotOn: text("snapshotOn"),
    // An unticked box is absent (false); a ticked one is "on"; anything else is refused by checkbox().
    redaction: Object.fromEntries(REDACTION_SECTIONS.map((s) => [s, checkboxValue(formData, `show.${s}`) ?? false])),
  };
}

export const revokeShareLinkSchema = z.object({ parkId: uuid(), linkId: uuid() });

/** A share target's label ("DP-12 · 示例新材料项目") matches a search: every word, in any case and width. */
export function matchesTarget(label: string, query: string): boolean {
  const fold = (text: string) => text.normalize("NFKC").toLowerCase();
  const haystack = fold(label);
  return fold(query).split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}
