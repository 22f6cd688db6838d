import "server-only";
import type { WriteOutcome } from "@/db/queries/outcomes";
import type { FormResult } from "../guard";
import { isMessageKey } from "@/lib/domain/fields";
import type { MessageKey, Translate } from "@/lib/i18n/translate";

/** A data-layer outcome → the form result shown next to the form, in the user's language. */
export function toFormResult(outcome: WriteOutcome, t: Translate, values: Record<string, string>, success: MessageKey): FormResult<{ id: string }> {
  if (outcome.ok) {
    return { ok: true, message: t(success), warnings: outcome.warnings.map((w) => t(`warning.${w}`)), data: outcome.value };
  }
  switch (outcome.reason) {
    case "not_found":
      return { ok: false, message: t("error.notFound"), fieldErrors: {}, values };
    case "conflict":
      return {
        ok: false,
        message: t("conflict.message"),
        fieldErrors: {},
        values,
        conflict: outcome.changes.map((c) => ({ at: c.at.toISOString(), actorName: c.actorName, changes: c.changes as Record<string, [unknown, unknown]> })),
      };
    case "invalid": {
      const message = t(isMessageKey(outcome.messageKey) ? outcome.messageKey : "validation.invalid");
      return { ok: false, message, fieldErrors: { [outcome.field]: message }, values };
    }
  }
}
