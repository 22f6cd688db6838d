import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FollowUpForm, RaiseProblemForm } from "@/app/(app)/projects/[id]/_sections/problem-forms";
import type { ProjectDetail } from "@/db/queries/project-detail";
import { isoToday } from "@/lib/domain/milestones";
import type { Locale } from "@/lib/i18n/locale";
import type { Translate } from "@/lib/i18n/translate";
import { formatChinaDate } from "@/lib/format/dates";
import { DUBAN_STEPS, mayTake, nextStage } from "@/lib/domain/duban";
import { DubanForm } from "./duban-form";

/** What the 督办 part of the section needs beyond the project: who is looking, the park's members, due-date history. */
export interface DubanContext {
  viewerId: string;
  isMember: boolean;
  members: { value: string; label: string }[];
  dueHistory: { problemId: string; at: Date; change: [string | null, string | null]; actorName: string | null }[];
}

type Problem = ProjectDetail["problems"][number];

function History({ problem }: { problem: Problem }) {
  if (problem.updates.length === 0) return null;
  return (
    <ol className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3 text-sm">
      {problem.updates.map(({ update, authorName }) => (
        <li key={update.id}>
          <span className="text-slate-600">
            {formatChinaDate(update.createdAt)}
            {authorName ? ` · ${authorName}` : ""}:
          </span>{" "}
          {update.note}
        </li>
      ))}
    </ol>
  );
}

/** 存在问题: open ones first, each with its follow-ups; closed ones keep their history. */
export function ProblemsSection({ detail, canEdit, t, duban }: { detail: ProjectDetail; canEdit: boolean; locale: Locale; t: Translate; duban?: DubanContext }) {
  const today = isoToday();
  const open = detail.problems.filter((p) => p.status === "open");
  const closed = detail.problems.filter((p) => p.status === "closed");
  return (
    <Card aria-labelledby="problems-title" className="space-y-4 p-5">
      <h2 id="problems-title" className="text-lg font-semibold">
        {t("problem.title")}
      </h2>
      {open.length === 0 ? <p className="text-sm text-slate-600">{t("problem.none")}</p> : null}
      <ul className="space-y-3">
        {open.map((p) => (
          <li key={p.id} className="rounded-md border border-amber-200 bg-amber-50/50 p-3" data-testid="problem">
            <p className="font-medium">{p.description}</p>
            <p className="mt-1 flex flex-wrap gap-3 text-sm text-slate-700">
              <span>{t("problem.owner", { owner: p.owner })}</span>
              {p.dueDate ? <span>{t("problem.due", { date: p.dueDate })}</span> : null}
              {p.dueDate && p.dueDate < today ? <Badge tone="bad">{t("problem.overdue")}</Badge> : null}
            </p>
            <p className="mt-1 flex flex-wrap gap-2 text-sm">
              <Badge tone={p.stage === "resolved" ? "good" : p.stage === "in_progress" ? "progress" : "neutral"}>{t(`duban.stage.${p.stage}`)}</Badge>
              <span className="text-slate-700">{t("duban.levelLabel", { level: t(`duban.escalation.${p.escalation}`) })}</span>
            </p>
            <DueHistory entries={duban?.dueHistory.filter((h) => h.problemId === p.id) ?? []} t={t} />
            <History problem={p} />
            {duban && duban.isMember ? <DubanPart problem={p} parkId={detail.park.id} canEdit={canEdit} duban={duban} t={t} /> : null}
            {canEdit ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-brand-700">{t("problem.followUp")}</summary>
                <div className="mt-2">
                  <FollowUpForm parkId={detail.park.id} problemId={p.id} />
                </div>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      {closed.length ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-slate-700">
            {t("problem.closedTitle")} ({closed.length})
          </summary>
          <ul className="mt-2 space-y-2">
            {closed.map((p) => (
              <li key={p.id} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-medium">{p.description}</p>
                <History problem={p} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canEdit ? (
        <details className="rounded-md border border-dashed border-slate-300 p-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("problem.raise")}</summary>
          <div className="mt-3">
            <RaiseProblemForm parkId={detail.park.id} projectId={detail.project.id} />
          </div>
        </details>
      ) : null}
    </Card>
  );
}

function DueHistory({ entries, t }: { entries: DubanContext["dueHistory"]; t: Translate }) {
  if (entries.length === 0) return null;
  return (
    <div className="mt-2 text-sm">
      <p className="font-medium text-slate-700">{t("duban.dueHistory")}</p>
      <ul className="text-slate-600">
        {entries.map((e, i) => (
          <li key={i}>
            {formatChinaDate(e.at)}
            {e.actorName ? ` · ${e.actorName}` : ""}: {t("duban.dueChange", { from: e.change[0] ?? "—", to: e.change[1] ?? "—" })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function DubanPart({ problem, parkId, canEdit, duban, t }: { problem: Problem; parkId: string; canEdit: boolean; duban: DubanContext; t: Translate }) {
  const who = { isRaiser: problem.createdBy === duban.viewerId, isOwner: problem.ownerUserId === duban.viewerId, isEditor: canEdit };
  if (!who.isEditor && !who.isOwner && !who.isRaiser) return null;
  const steps = DUBAN_STEPS.filter((s) => s !== "none" && nextStage(problem.stage, s) !== null && mayTake(s, who));
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm text-brand-700">{t("duban.title")}</summary>
      <div className="mt-2">
        <DubanForm
          parkId={parkId}
          problem={{ id: problem.id, owner: problem.owner, ownerUserId: problem.ownerUserId, dueDate: problem.dueDate, escalation: problem.escalation }}
          steps={steps}
          members={duban.members}
          canEditFields={canEdit}
        />
      </div>
    </details>
  );
}
