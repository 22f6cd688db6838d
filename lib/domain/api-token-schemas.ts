import { z } from "zod";
import { optionalIsoDate, requiredText, uuid } from "./fields";
import { chinaToday } from "./china-day";

/** Recognisable in logs and by secret scanners; 32 random bytes as base64url (43 characters) follow. */
export const API_TOKEN_PREFIX = "parkline_";
export const API_TOKEN_RE = /^parkline_[A-Za-z0-9_-]{43}$/;

/** Active (not revoked, not expired) tokens one user may hold. */
export const MAX_ACTIVE_TOKENS = 50;

export const API_TOKEN_SCOPES = ["read", "write"] as const;

/**
 * The create form: the parks arrive as repeated `parkIds` checkboxes (see apiTokenFormToObject); the
 * action checks that each is one of the user's parks. An expiry date means through that day, China time.
 */
export const createApiTokenSchema = z
  .object({
    label: requiredText(80),
    parkIds: z.array(uuid(), "apiToken.pickPark").min(1, "apiToken.pickPark").max(100, "validation.invalid"),
    scope: z.enum(API_TOKEN_SCOPES, "validation.invalid"),
    expiresOn: optionalIsoDate(),
  })
  .superRefine((v, ctx) => {
    if (v.expiresOn && v.expiresOn < chinaToday()) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "apiToken.expiryPast" });
  });

export function apiTokenFormToObject(formData: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  return {
    label: text("label"),
    parkIds: formData.getAll("parkIds").filter((v): v is string => typeof v === "string"),
    scope: text("scope"),
    expiresOn: text("expiresOn"),
  };
}

export const revokeApiTokenSchema = z.object({ tokenId: uuid() });
