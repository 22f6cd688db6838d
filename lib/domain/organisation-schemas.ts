import { z } from "zod";
import { checkbox, optionalText, requiredText, uuid, version } from "./fields";

/**
 * Forms of the platform admin's organisation pages (app/(app)/admin): regions, parks, archiving and
 * region roles. The same schemas run in the browser and in the guarded actions.
 */
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const SLUG_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_CLUSTERS = 30;

export const regionSchema = z.object({
  regionId: z.preprocess(emptyToUndefined, uuid().optional()),
  version: z.preprocess(emptyToUndefined, version().optional()),
  /** A city's province; empty for a province. Fixed once the region exists. */
  parentId: z.preprocess(emptyToUndefined, uuid().optional()),
  name: requiredText(100),
  nameEn: optionalText(100),
});

/** A park's industry clusters, one a line, "中文名 | English name" (the English part optional). */
const clusters = z
  .string()
  .max(5000, "validation.tooLong")
  .optional()
  .transform((text, ctx) => {
    const lines = (text ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const out: { name: string; nameEn: string | null }[] = [];
    for (const line of lines) {
      const [zh = "", en = "", ...rest] = line.split("|").map((p) => p.trim());
      if (!zh || rest.length || zh.length > 60 || en.length > 60 || /[\u0000-\u001f\u007f]/.test(line)) {
        ctx.addIssue({ code: "custom", message: "admin.park.clusterInvalid" });
        return z.NEVER;
      }
      if (out.some((c) => c.name === zh)) {
        ctx.addIssue({ code: "custom", message: "admin.park.clusterDuplicate" });
        return z.NEVER;
      }
      out.push({ name: zh, nameEn: en || null });
    }
    if (out.length > MAX_CLUSTERS) {
      ctx.addIssue({ code: "custom", message: "admin.park.clusterTooMany" });
      return z.NEVER;
    }
    return out;
  });

/** The clusters as the form's textarea shows them. */
export const clustersText = (list: { name: string; nameEn: string | null }[]) => list.map((c) => (c.nameEn ? `${c.name} | ${c.nameEn}` : c.name)).join("\n");

export const parkSchema = z.object({
  parkId: z.preprocess(emptyToUndefined, uuid().optional()),
  version: z.preprocess(emptyToUndefined, version().optional()),
  // Lower-case letters, digits and single hyphens: it is the park's address (/parks/<slug>).
  slug: z
    .string("validation.required")
    .trim()
    .min(1, "validation.required")
    .max(60, "validation.tooLong")
    .regex(SLUG_RE, "admin.park.slugInvalid"),
  name: requiredText(200),
  nameEn: optionalText(200),
  /** The city the park sits in. */
  regionId: z.preprocess(emptyToUndefined, uuid().optional()).refine((v) => v !== undefined, "admin.park.cityRequired"),
  clusters,
});

export const archiveParkSchema = z.object({ parkId: uuid(), version: version(), archived: checkbox() });

export const addRegionReaderSchema = z.object({
  regionId: uuid(),
  email: z.string("validation.required").trim().toLowerCase().min(1, "validation.required").max(320, "validation.tooLong").email("admin.regionRole.emailInvalid"),
});

export const removeRegionReaderSchema = z.object({ regionId: uuid(), userId: uuid() });
