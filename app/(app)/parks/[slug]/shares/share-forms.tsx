"use client";

import { RowActionButton } from "@/components/form/row-action-button";
import { useState } from "react";
import { createShareLinkAction, revokeShareLinkAction } from "@/app/_lib/actions/share-links";
import type { FormResult } from "@/app/_lib/guard";
import { createShareLinkSchema, DEFAULT_REDACTION, REDACTION_SECTIONS, shareFormToObject } from "@/lib/domain/share-schemas";
import { matchesTarget } from "@/lib/domain/share-schemas";
import { sharePagePath } from "@/lib/share-path";
import { ActionForm } from "@/components/form/action-form";
import { SelectField, TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";

type Created = FormResult<{ id: string; token?: string }>;

/** The new link, shown once: the token is not stored anywhere it could be read back from. */
function CreatedLink({ token }: { token: string }) {
  const { t } = useI18n();
  const url = `${window.location.origin}${sharePagePath(token)}`;
  return (
    <div role="status" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950">
      <p className="font-medium">{t("share.createdOnce")}</p>
      <label htmlFor="share-url" className="block font-medium">
        {t("share.newLink")}
      </label>
      <input
        id="share-url"
        readOnly
        value={url}
        onFocus={(e) => e.currentTarget.select()}
        aria-describedby="share-url-hint"
        className="min-h-10 w-full rounded-md border border-emerald-300 bg-white px-3 font-mono text-xs text-slate-900"
        data-testid="share-url"
      />
      <p id="share-url-hint">{t("share.copyHint")}</p>
    </div>
  );
}

/**
 * The projects a link can be made for, narrowed by a search: a plain GET form (?q=) the server filters
 * on without JavaScript, and with it the options narrow as one types.
 */
function TargetSearch({ query, onQuery, shown, total, project }: { query: string; onQuery: (q: string) => void; shown: number; total: number; project: string | null }) {
  const { t } = useI18n();
  return (
    <form method="get" role="search" className="flex flex-wrap items-end gap-2" aria-label={t("share.targetSearch")}>
      {project ? <input type="hidden" name="project" value={project} /> : null}
      <label className="grow text-sm font-medium text-slate-800">
        {t("share.targetSearch")}
        <input
          type="search"
          name="q"
          value={query}
          onChange={(e) => onQuery(e.currentTarget.value)}
          placeholder={t("share.targetSearchHint")}
          className="mt-1 block min-h-10 w-full rounded-md border border-slate-300 px-3 text-sm font-normal"
          data-testid="share-target-search"
        />
      </label>
      <button type="submit" className="min-h-10 rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-50">
        {t("share.targetSearchSubmit")}
      </button>
      <p className="w-full text-xs text-slate-600" aria-live="polite" data-testid="share-target-count">
        {t("share.targetShown", { shown, total })}
      </p>
    </form>
  );
}

export function CreateShareForm({
  parkId, targets, defaultTarget, initialQuery, projectCount,
}: { parkId: string; targets: { value: string; label: string }[]; defaultTarget: string; initialQuery: string; projectCount: number }) {
  const { t } = useI18n();
  const [token, setToken] = useState<string | null>(null);
  const [query, setQuery] = useState(initialQuery);
  // The park stays first and the chosen target stays listed whatever the search.
  const shownTargets = targets.filter((o, i) => i === 0 || o.value === defaultTarget || matchesTarget(o.label, query));
  async function create(previous: Created | null, formData: FormData): Promise<Created> {
    const result = await createShareLinkAction(previous, formData);
    setToken(result.ok && result.data?.token ? result.data.token : null);
    return result;
  }
  return (
    <div className="space-y-4">
      {token ? <CreatedLink token={token} /> : null}
      <TargetSearch query={query} onQuery={setQuery} shown={shownTargets.length - 1} total={projectCount} project={defaultTarget === "park" ? null : defaultTarget} />
      <ActionForm id="share-new" action={create} schema={createShareLinkSchema} fromForm={shareFormToObject} hidden={{ parkId }} submitLabel={t("share.create")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="label" label={t("share.label")} hint={t("share.labelHint")} required maxLength={120} className="sm:col-span-2" />
          <SelectField name="target" label={t("share.target")} options={shownTargets} defaultValue={defaultTarget} className="sm:col-span-2" />
          <TextField name="expiresOn" type="date" label={t("share.expiresOn")} hint={t("share.expiresHint")} />
          <TextField name="snapshotOn" type="date" label={t("share.snapshotOn")} hint={t("share.snapshotHint")} />
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("share.sections")}</legend>
          <p className="text-xs text-slate-600">{t("share.sectionsHint")}</p>
          <div className="grid gap-2 sm:grid-cols-2">
            {REDACTION_SECTIONS.map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name={`show.${s}`} defaultChecked={DEFAULT_REDACTION[s]} className="size-4" />
                {t(`share.section.${s}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </ActionForm>
    </div>
  );
}

/** One click revokes: the link stops working on its next request. */
export function RevokeShareButton({ parkId, linkId, label }: { parkId: string; linkId: string; label: string }) {
  const { t } = useI18n();
  return <RowActionButton action={revokeShareLinkAction} fields={{ parkId, linkId }} label={t("share.revoke")} ariaLabel={t("share.revokeLabel", { label })} />;
}
