import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FollowUpForm, RaiseProblemForm } from "@/app/(app)/projects/[id]/_sections/problem-forms";
import type { ProjectDetail } from "@/db/queries/project-detail";
import { isoToday } from "@/lib/domain/milestones";
import type { Locale } from "@/lib/i18n/locale";
import type { Translate } from "@/lib/i18n/translate";
import { formatChinaDate } from "@/lib/format/dates";

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
export function ProblemsSection({ detail, canEdit, t }: { detail: ProjectDetail; canEdit: boolean; locale: Locale; t: Translate }) {
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
            <History problem={p} />
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
