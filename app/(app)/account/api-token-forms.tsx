"use client";

import { RowActionButton } from "@/components/form/row-action-button";
import { useState } from "react";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/_lib/actions/api-tokens";
import type { FormResult } from "@/app/_lib/guard";
import { apiTokenFormToObject, createApiTokenSchema } from "@/lib/domain/api-token-schemas";
import { ActionForm, useFormField } from "@/components/form/action-form";
import { SelectField, TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

type Created = FormResult<{ id: string; token?: string }>;

/** The new token, shown once: only its SHA-256 is stored, so it cannot be shown again. */
function CreatedToken({ token }: { token: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950">
      <p className="font-medium">{t("apiToken.createdOnce")}</p>
      <label htmlFor="api-token-value" className="block font-medium">
        {t("apiToken.newToken")}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="api-token-value"
          readOnly
          value={token}
          onFocus={(e) => e.currentTarget.select()}
          className="min-h-10 w-full min-w-0 rounded-md border border-emerald-300 bg-white px-3 font-mono text-xs text-slate-900"
          data-testid="api-token-value"
        />
        <Button type="button" variant="secondary" onClick={copy} className="shrink-0">
          {t("apiToken.copy")}
        </Button>
      </div>
      <p role="status" className="min-h-5">
        {copied === "yes" ? t("apiToken.copied") : copied === "failed" ? t("apiToken.copyFailed") : ""}
      </p>
    </div>
  );
}

/** Checkboxes of the user's parks, bound to the form's `parkIds` error. */
function ParkChoice({ parks }: { parks: { id: string; label: string }[] }) {
  const { t } = useI18n();
  const { id, error } = useFormField("parkIds");
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : `${id}-hint`}>
      <legend className="text-sm font-medium text-slate-800">{t("apiToken.parks")}</legend>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {t("apiToken.parksHint")}
      </p>
      <div className="grid gap-2 sm:grid-cols-2">
        {parks.map((p) => (
          <label key={p.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="parkIds" value={p.id} defaultChecked={parks.length === 1} className="size-4" />
            {p.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-rose-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function CreateApiTokenForm({ parks }: { parks: { id: string; label: string }[] }) {
  const { t } = useI18n();
  const [token, setToken] = useState<string | null>(null);
  async function create(previous: Created | null, formData: FormData): Promise<Created> {
    const result = await createApiTokenAction(previous, formData);
    setToken(result.ok && result.data?.token ? result.data.token : null);
    return result;
  }
  return (
    <div className="space-y-4">
      {token ? <CreatedToken token={token} /> : null}
      <ActionForm id="api-token-new" action={create} schema={createApiTokenSchema} fromForm={apiTokenFormToObject} submitLabel={t("apiToken.create")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="label" label={t("apiToken.label")} hint={t("apiToken.labelHint")} required maxLength={80} className="sm:col-span-2" />
          <SelectField
            name="scope"
            label={t("apiToken.scope")}
            hint={t("apiToken.scopeHint")}
            options={[
              { value: "read", label: t("apiToken.scope.read") },
              { value: "write", label: t("apiToken.scope.write") },
            ]}
            defaultValue="read"
          />
          <TextField name="expiresOn" type="date" label={t("apiToken.expiresOn")} hint={t("apiToken.expiresHint")} />
        </div>
        <ParkChoice parks={parks} />
      </ActionForm>
    </div>
  );
}

/** One click revokes: the token is refused from its very next request. */
export function RevokeApiTokenButton({ tokenId, label }: { tokenId: string; label: string }) {
  const { t } = useI18n();
  return <RowActionButton action={revokeApiTokenAction} fields={{ tokenId }} label={t("apiToken.revoke")} ariaLabel={t("apiToken.revokeLabel", { label })} />;
}
