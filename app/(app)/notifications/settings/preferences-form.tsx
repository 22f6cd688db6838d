"use client";

import { saveNotificationPreferencesAction } from "@/app/_lib/actions/notifications";
import { ActionForm } from "@/components/form/action-form";
import { useI18n } from "@/components/i18n-provider";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/domain/values";

export function PreferencesForm({ prefs }: { prefs: { emailEnabled: boolean; mutedKinds: NotificationKind[] } }) {
  const { t } = useI18n();
  return (
    <ActionForm id="notification-preferences" action={saveNotificationPreferencesAction} submitLabel={t("inbox.save")} className="space-y-3">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="emailEnabled" defaultChecked={prefs.emailEnabled} className="size-4" /> {t("inbox.emailEnabled")}
      </label>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("inbox.mute")}</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <label key={kind} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={`mute.${kind}`} defaultChecked={prefs.mutedKinds.includes(kind)} className="size-4" /> {t(`notify.${kind}.name`)}
          </label>
        ))}
      </fieldset>
    </ActionForm>
  );
}
