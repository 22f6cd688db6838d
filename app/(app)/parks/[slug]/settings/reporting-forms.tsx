"use client";

import { saveReportingSettingsAction, saveRobotAction } from "@/app/_lib/actions/reporting";
import { reportingSettingsSchema, robotSchema } from "@/lib/domain/notify-schemas";
import type { RobotKind } from "@/lib/domain/values";
import { ActionForm } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";

export function ReportingSettingsForm({ parkId, settings }: { parkId: string; settings: { deadlineDay: number; remindDaysBefore: number } }) {
  const { t } = useI18n();
  return (
    <ActionForm id="reporting-settings" action={saveReportingSettingsAction} schema={reportingSettingsSchema} hidden={{ parkId }} submitLabel={t("settings.save")} className="grid gap-3 sm:grid-cols-2">
      <TextField name="deadlineDay" label={t("reporting.deadlineDay")} hint={t("reporting.deadlineHint")} type="number" inputMode="numeric" min={1} max={28} defaultValue={settings.deadlineDay} required />
      <TextField name="remindDaysBefore" label={t("reporting.remindDaysBefore")} hint={t("reporting.remindHint")} type="number" inputMode="numeric" min={0} max={27} defaultValue={settings.remindDaysBefore} required />
    </ActionForm>
  );
}

/** One robot: the address is shown back, the secret never (only whether one is stored). */
export function RobotForm({ parkId, kind, robot }: { parkId: string; kind: RobotKind; robot: { webhookUrl: string; hasSecret: boolean; enabled: boolean } | null }) {
  const { t } = useI18n();
  const id = `robot-${kind}`;
  return (
    <ActionForm id={id} action={saveRobotAction} schema={robotSchema} hidden={{ parkId, kind }} submitLabel={t("robot.save")} className="grid gap-3">
      <TextField name="webhookUrl" label={t("robot.webhookUrl")} type="url" defaultValue={robot?.webhookUrl ?? ""} placeholder={kind === "dingtalk" ? "https://oapi.dingtalk.com/robot/send?access_token=…" : "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"} />
      {kind === "dingtalk" ? (
        <TextField name="secret" label={t("robot.secret")} hint={robot?.hasSecret ? t("robot.secretSet") : t("robot.secretNone")} type="password" autoComplete="off" defaultValue="" />
      ) : null}
      {kind === "dingtalk" && robot?.hasSecret ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="clearSecret" className="size-4" /> {t("robot.clearSecret")}
        </label>
      ) : null}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={robot?.enabled ?? true} className="size-4" /> {t("robot.enabled")}
      </label>
    </ActionForm>
  );
}
