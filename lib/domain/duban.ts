import { z } from "zod";
import { optionalIsoDate, optionalText, uuid } from "./fields";
import { ESCALATION_LEVELS, type EscalationLevel, type NotificationKind, type ProblemStage } from "./values";

// 督办 on a problem: 交办 (open) → 办理 (in progress) → 反馈 (resolved) → 办结 (closed, by who raised it).
export const DUBAN_STEPS = ["none", "start", "resolve", "reopen", "close"] as const;
export type DubanStep = (typeof DUBAN_STEPS)[number];

/** Where a step leads from a stage, or null when it cannot be taken from there. */
export function nextStage(stage: ProblemStage, step: DubanStep): ProblemStage | "closed" | null {
  switch (step) {
    case "none":
      return stage;
    case "start":
      return stage === "open" ? "in_progress" : null;
    case "resolve":
      return stage === "open" || stage === "in_progress" ? "resolved" : null;
    case "reopen":
      return stage === "resolved" ? "in_progress" : null;
    case "close":
      return stage === "resolved" ? "closed" : null;
  }
}

/**
 * Who may take a step: closing and sending back are the raiser's (who asked is who judges it done);
 * starting and resolving are the owner's, or any editor's of the park (an outside unit has no account).
 * Changing owner, due date or level is an editor's.
 */
export function mayTake(step: DubanStep, who: { isRaiser: boolean; isOwner: boolean; isEditor: boolean }): boolean {
  if (step === "close" || step === "reopen") return who.isRaiser;
  if (step === "start" || step === "resolve") return who.isOwner || who.isEditor;
  return true;
}

export interface DubanChange {
  ownerChanged: boolean;
  newOwnerUserId: string | null;
  dueChanged: boolean;
  escalatedTo: EscalationLevel | null;
  stageTo: ProblemStage | "closed" | null;
}

/** Who must act next after a change, and on which notice: the new owner, the raiser, the park's admins. */
export function whoActsNext(change: DubanChange, people: { ownerUserId: string | null; raiserId: string | null; admins: string[] }): { kind: NotificationKind; to: string[] }[] {
  const out: { kind: NotificationKind; to: string[] }[] = [];
  const owner = change.ownerChanged ? change.newOwnerUserId : people.ownerUserId;
  if ((change.ownerChanged || change.stageTo === "in_progress") && owner && change.stageTo !== "closed") out.push({ kind: "problem_assigned", to: [owner] });
  if (change.stageTo === "resolved" && people.raiserId) out.push({ kind: "problem_resolved", to: [people.raiserId] });
  if (change.escalatedTo && change.escalatedTo !== "park") out.push({ kind: "problem_escalated", to: people.admins });
  if (change.dueChanged && owner && !change.ownerChanged && change.stageTo !== "closed") out.push({ kind: "problem_due_changed", to: [owner] });
  return out.map((n) => ({ ...n, to: [...new Set(n.to)] })).filter((n) => n.to.length > 0);
}

const emptyToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

export const dubanSchema = z
  .object({
    parkId: uuid(),
    problemId: uuid(),
    step: z.enum(DUBAN_STEPS, "validation.invalid"),
    ownerUserId: z.preprocess(emptyToNull, uuid().nullable()),
    ownerUnit: optionalText(200),
    dueDate: optionalIsoDate(),
    escalation: z.enum(ESCALATION_LEVELS, "validation.invalid"),
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (!v.ownerUserId && !v.ownerUnit) ctx.addIssue({ code: "custom", path: ["ownerUnit"], message: "duban.ownerRequired" });
  });
