"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { saveParkAction, setParkArchivedAction } from "@/app/_lib/actions/organisation";
import type { FormResult } from "@/app/_lib/guard";
import { ActionForm } from "@/components/form/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { parkSchema } from "@/lib/domain/organisation-schemas";

export interface ParkFormValues {
  id: string;
  version: number;
  slug: string;
  name: string;
  nameEn: string | null;
  regionId: string | null;
  clustersText: string;
}

/** Creates a park (then opens its admin page) or edits one. `cities` are labelled "province · city". */
export function ParkForm({ park, cities }: { park?: ParkFormValues; cities: { id: string; label: string }[] }) {
  const { t } = useI18n();
  const router = useRouter();
  // A new park: once created, its own admin page is where it is edited and archived.
  const action = async (previous: FormResult<{ id: string }> | null, formData: FormData) => {
    const result = await saveParkAction(previous, formData);
    if (!park && result.ok && result.data) router.push(`/admin/parks/${result.data.id}?created=1`);
    return result;
  };
  return (
    <ActionForm
      id={park ? "edit-park" : "new-park"}
      action={action}
      schema={parkSchema}
      hidden={park ? { parkId: park.id, version: park.version } : undefined}
      submitLabel={park ? t("admin.save") : t("admin.park.create")}
      className="grid gap-3 sm:grid-cols-2"
    >
      <TextField name="name" label={t("admin.park.name")} defaultValue={park?.name} required maxLength={200} />
      <TextField name="nameEn" label={t("admin.park.nameEn")} defaultValue={park?.nameEn ?? ""} maxLength={200} />
      <TextField
        name="slug"
        label={t("admin.park.slug")}
        hint={t("admin.park.slugHint")}
        defaultValue={park?.slug}
        required
        maxLength={60}
        autoCapitalize="none"
        spellCheck={false}
      />
      <SelectField
        name="regionId"
        label={t("admin.park.city")}
        options={[{ value: "", label: t("admin.park.cityChoose") }, ...cities.map((c) => ({ value: c.id, label: c.label }))]}
        defaultValue={park?.regionId ?? ""}
        required
      />
      <TextAreaField
        name="clusters"
        label={t("admin.park.clusters")}
        hint={t("admin.park.clustersHint")}
        defaultValue={park?.clustersText ?? ""}
        className="sm:col-span-2"
      />
    </ActionForm>
  );
}

export function ArchiveParkButton({ parkId, version, archived }: { parkId: string; version: number; archived: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const [state, action, pending] = useActionState(setParkArchivedAction, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="parkId" value={parkId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="archived" value={archived ? "0" : "1"} />
      {state ? (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-emerald-800" : "text-sm text-rose-700"}>
          {state.message}
        </p>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {archived ? t("admin.park.unarchive") : t("admin.park.archive")}
      </Button>
    </form>
  );
}
