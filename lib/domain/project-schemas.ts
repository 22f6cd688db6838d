import { z } from "zod";
import { CAPACITY_PERIODS, CAPACITY_UNITS, MILESTONE_TYPES, PROJECT_HEALTHS } from "./values";
import { amount, checkbox, isoDate, month, optionalAmount, optionalIsoDate, optionalText, quantity, requiredText, uuid, version } from "./fields";

/** The park every write names; the guard checks the user's role in it and every query is scoped to it. */
const inPark = { parkId: uuid() };

export const projectFields = {
  code: requiredText(40).pipe(z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}._\-/]*$/u, "validation.code")),
  name: requiredText(200),
  nameEn: optionalText(200),
  company: requiredText(200),
  companyEn: optionalText(200),
  cluster: requiredText(80),
  clusterEn: optionalText(80),
  responsibleUnit: optionalText(200),
  leaderInCharge: optionalText(100),
  health: z.enum(PROJECT_HEALTHS, "validation.invalid"),
  plannedInvestment: amount(),
  contractedInvestment: amount(),
  inPlaceInvestment: amount(),
  completedInvestment: amount(),
};

export const createProjectSchema = z.object({ ...inPark, ...projectFields });
// Completed investment is set when a project is created (its opening balance); after that the
// progress log keeps it, so the edit form does not carry it.
export const updateProjectSchema = z.object({ ...inPark, projectId: uuid(), version: version(), ...projectFields }).omit({ completedInvestment: true });

export const phaseFields = { name: requiredText(100), nameEn: optionalText(100) };

export const phaseSchema = z.object({
  ...inPark,
  projectId: uuid(),
  phaseId: uuid().optional(),
  version: version().optional(),
  ...phaseFields,
});

export const lineFields = { phaseId: uuid(), name: requiredText(100), nameEn: optionalText(100) };

export const lineSchema = z.object({
  ...inPark,
  projectId: uuid(),
  lineId: uuid().optional(),
  version: version().optional(),
  ...lineFields,
});

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const capacitySchema = z.object({
  ...inPark,
  projectId: uuid(),
  capacityId: uuid().optional(),
  version: version().optional(),
  phaseId: z.preprocess(emptyToUndefined, uuid().optional()),
  lineId: z.preprocess(emptyToUndefined, uuid().optional()),
  product: requiredText(100),
  productEn: optionalText(100),
  unit: z.enum(CAPACITY_UNITS, "validation.invalid"),
  period: z.enum(CAPACITY_PERIODS, "validation.invalid"),
  designed: quantity(),
  online: quantity(),
});

export const milestoneFields = {
  type: z.enum(MILESTONE_TYPES, "validation.invalid"),
  customLabel: optionalText(60),
  plannedDate: optionalIsoDate(),
  forecastDate: optionalIsoDate(),
  actualDate: optionalIsoDate(),
  rebaselineReason: optionalText(500),
};

type MilestoneValues = Pick<z.output<z.ZodObject<typeof milestoneFields>>, "type" | "customLabel" | "plannedDate" | "forecastDate" | "actualDate">;

/** Rules across a milestone's fields, shared by the form and the API (which also checks them after a PATCH). */
export function milestoneRules(m: MilestoneValues, ctx: z.RefinementCtx) {
  if (m.type === "custom" && !m.customLabel) ctx.addIssue({ code: "custom", path: ["customLabel"], message: "validation.required" });
  if (!m.plannedDate && !m.forecastDate && !m.actualDate) {
    ctx.addIssue({ code: "custom", path: ["plannedDate"], message: "milestone.needsDate" });
  }
}

/** Only a custom milestone keeps a label. */
export const withMilestoneLabel = <M extends MilestoneValues>(m: M): M => ({ ...m, customLabel: m.type === "custom" ? m.customLabel : null });

export const milestoneSchema = z
  .object({
    ...inPark,
    projectId: uuid(),
    milestoneId: uuid().optional(),
    version: version().optional(),
    ...milestoneFields,
  })
  .superRefine(milestoneRules)
  .transform(withMilestoneLabel);

const httpUrl = z
  .string()
  .trim()
  .max(2000, "validation.tooLong")
  .optional()
  .transform((s) => (s ? s : null))
  .refine((s) => s === null || /^https?:\/\/[^\s]+$/i.test(s), "validation.url");

/**
 * The monthly progress form. Per-milestone and per-capacity inputs arrive as `reached.<milestoneId>`
 * (a date) and `online.<capacityId>` (a quantity); empty ones are ignored.
 */
export const progressFields = {
  period: month(),
  narrative: requiredText(5000),
  narrativeEn: optionalText(5000),
  investmentCompleted: optionalAmount(),
  outputValue: optionalAmount(),
  sourceUrl: httpUrl,
  sourceRef: optionalText(300),
  supersedesId: z.preprocess(emptyToUndefined, uuid().optional()),
  problemDescription: optionalText(2000),
  problemOwner: optionalText(200),
  problemDueDate: optionalIsoDate(),
  reached: z.record(uuid(), isoDate()).default({}),
  online: z.record(uuid(), quantity()).default({}),
};

type ProblemValues = { problemDescription: string | null; problemOwner: string | null; problemDueDate: string | null };

/** A problem raised with an entry needs both what and who; shared by the form and the API. */
export function progressRules(e: ProblemValues, ctx: z.RefinementCtx) {
  if (e.problemDescription && !e.problemOwner) ctx.addIssue({ code: "custom", path: ["problemOwner"], message: "validation.required" });
  if (!e.problemDescription && (e.problemOwner || e.problemDueDate)) {
    ctx.addIssue({ code: "custom", path: ["problemDescription"], message: "validation.required" });
  }
}

export const progressSchema = z.object({ ...inPark, projectId: uuid(), ...progressFields }).superRefine(progressRules);


/** FormData → the object progressSchema reads: `reached.<id>` and `online.<id>` become records. */
export function progressFormToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const reached: Record<string, string> = {};
  const online: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (key.startsWith("reached.")) {
      if (value.trim()) reached[key.slice(8)] = value.trim();
    } else if (key.startsWith("online.")) {
      if (value.trim()) online[key.slice(7)] = value.trim();
    } else out[key] = value;
  }
  return { ...out, reached, online };
}

export const problemUpdateSchema = z.object({
  ...inPark,
  problemId: uuid(),
  note: requiredText(2000),
  close: checkbox(),
});

export const problemCreateSchema = z.object({
  ...inPark,
  projectId: uuid(),
  description: requiredText(2000),
  owner: requiredText(200),
  dueDate: optionalIsoDate(),
});

export { isoDate };
