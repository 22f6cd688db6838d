/**
 * What every form's server action returns (useActionState): success with an optional message, or a
 * refusal with per-field errors and the submitted values back. Shared by the actions and the forms.
 */
export type FormResult<D = undefined> =
  | { ok: true; message?: string; warnings?: string[]; data?: D }
  | {
      ok: false;
      message: string;
      fieldErrors: Record<string, string>;
      values: Record<string, string>;
      conflict?: ConflictChange[];
      /** Where to go instead (an app path), e.g. "correct this entry" when the month is already logged. */
      link?: { href: string; label: string };
    };

/** A change someone else saved since the form was opened, shown with a conflict. */
export interface ConflictChange {
  at: string;
  actorName: string | null;
  changes: Record<string, [unknown, unknown]>;
}

/** A form's server action as a shared component receives it: the page passes it in, so components/ never imports app/. */
export type FormAction<D = undefined> = (previous: FormResult<D> | null, formData: FormData) => Promise<FormResult<D>>;
