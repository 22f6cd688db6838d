import { z } from "zod";
import { digitsOnly, uuid } from "@/lib/domain/fields";
import { CAPACITY_PERIODS, CAPACITY_UNITS, MEMBERSHIP_ROLES, MILESTONE_TYPES, PROJECT_HEALTHS, PROJECT_STAGES } from "@/lib/domain/values";

/**
 * The shapes /api/v1 answers with, as zod schemas: the serializers are typed by them and the OpenAPI
 * document's components are generated from them (every schema registered here becomes one).
 */
export const apiComponents = z.registry<{ id: string; description?: string }>();

const component = <S extends z.ZodType>(schema: S, id: string, description: string): S => {
  apiComponents.add(schema, { id, description });
  return schema;
};

// ---- scalars ----

/** Yuan as an exact decimal string with two decimals (fen): never a JSON number, which would round. */
const money = z.string().regex(/^-?\d+\.\d{2}$/).describe("Yuan (CNY) as an exact decimal string, e.g. \"5000000000.00\".");
const quantity = z.string().regex(/^\d+(\.\d{1,4})?$/).describe("An exact decimal string; read it with its unit and period.");
const ratio = z.number().nullable().describe("A ratio (0.154 = 15.4 %); null when its base is zero or missing.");
// Formats rather than zod's own date and uuid checks: the answers come from typed columns, and the
// document stays readable without their long patterns.
const date = z.string().meta({ format: "date" });
const instant = z.string().meta({ format: "date-time" });
const monthOf = z.string().regex(/^\d{4}-\d{2}$/).describe("A month, YYYY-MM.");
const id = z.string().meta({ format: "uuid" });

// ---- path and query parameters ----

export const parkPath = z.object({ parkId: uuid() });
export const projectPath = z.object({ projectId: uuid() });
export const phasePath = z.object({ phaseId: uuid() });
export const milestonePath = z.object({ milestoneId: uuid() });
export const noPath = z.object({});

export const MAX_PAGE_SIZE = 200;

/** Cursor pagination: `cursor` is opaque (take it from the previous page's `next`). */
export const pageQuery = z.object({
  limit: z
    .preprocess(digitsOnly, z.coerce.number().int().min(1).max(MAX_PAGE_SIZE))
    .optional()
    .describe(`Items per page, 1–${MAX_PAGE_SIZE} (default 50).`),
  cursor: z.string().max(500).optional().describe("Where the page starts: the `cursor` of the previous page's `next` link."),
});

export const projectListQuery = pageQuery.extend({
  stage: z.enum(PROJECT_STAGES).optional().describe("Only projects at this stage."),
  health: z.enum(PROJECT_HEALTHS).optional().describe("Only projects with this reported health."),
});

// ---- resources ----

const capacityTotal = z.object({ unit: z.enum(CAPACITY_UNITS), period: z.enum(CAPACITY_PERIODS), designed: quantity, online: quantity });

export const ParkSchema = component(
  z.object({
    id,
    slug: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    province: z.string(),
    provinceEn: z.string().nullable(),
    city: z.string(),
    cityEn: z.string().nullable(),
    role: z.enum(MEMBERSHIP_ROLES).describe("The token owner's role in the park."),
    canWrite: z.boolean().describe("Whether this token may write here: a read-and-write token and the editor or admin role."),
  }),
  "Park",
  "A park the token reaches: listed on the token, and its owner still a member.",
);

export const ParkListSchema = component(z.object({ data: z.array(ParkSchema) }), "ParkList", "The parks the token reaches.");

export const ProjectSchema = component(
  z.object({
    id,
    parkId: id,
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    company: z.string(),
    companyEn: z.string().nullable(),
    cluster: z.string(),
    clusterEn: z.string().nullable(),
    responsibleUnit: z.string().nullable(),
    leaderInCharge: z.string().nullable(),
    stage: z.enum(PROJECT_STAGES),
    health: z.enum(PROJECT_HEALTHS).describe("Reported health: what the park's officer set."),
    computedHealth: z
      .enum(PROJECT_HEALTHS)
      .describe("Computed health today: the worse of milestone slip and investment pace under the park's rule (README, \"One health model\")."),
    plannedInvestment: money,
    contractedInvestment: money,
    inPlaceInvestment: money,
    completedInvestment: money,
    capacity: z.array(capacityTotal).describe("Designed and online capacity summed per unit and period (never across units)."),
    version: z.int().describe("Also the ETag: send it back as If-Match: \"<version>\" to PATCH."),
    createdAt: instant,
    updatedAt: instant,
  }),
  "Project",
  "An investment project of a park.",
);

const warning = z.object({ code: z.string(), message: z.string() });

export const ProjectWrittenSchema = component(
  ProjectSchema.extend({ warnings: z.array(warning).describe("Saved, but worth a look (e.g. in place above contracted).") }),
  "ProjectWritten",
  "A project as saved, with the warnings of the save.",
);

const page = <S extends z.ZodType>(item: S) =>
  z.object({ data: z.array(item), next: z.string().nullable().describe("The URL of the next page, or null on the last page. Also sent as a Link header.") });

export const ProjectPageSchema = component(page(ProjectSchema), "ProjectPage", "One page of a park's projects, by code.");

export const PhaseSchema = component(
  z.object({ id, projectId: id, seq: z.int(), name: z.string(), nameEn: z.string().nullable(), stage: z.enum(PROJECT_STAGES), version: z.int() }),
  "Phase",
  "A phase (期) of a project.",
);
export const PhaseListSchema = component(z.object({ data: z.array(PhaseSchema) }), "PhaseList", "A project's phases, in order.");

export const LineSchema = component(
  z.object({ id, projectId: id, phaseId: id, seq: z.int(), name: z.string(), nameEn: z.string().nullable(), version: z.int() }),
  "Line",
  "A production line of a phase.",
);
export const LineListSchema = component(z.object({ data: z.array(LineSchema) }), "LineList", "A project's production lines, by phase.");

export const CapacitySchema = component(
  z.object({
    id,
    projectId: id,
    phaseId: id.nullable(),
    lineId: id.nullable(),
    product: z.string(),
    productEn: z.string().nullable(),
    unit: z.enum(CAPACITY_UNITS),
    period: z.enum(CAPACITY_PERIODS),
    designed: quantity,
    online: quantity,
    version: z.int(),
  }),
  "Capacity",
  "A capacity: value + unit + period, designed and online, at the level of the project, a phase or a line.",
);
export const CapacityListSchema = component(z.object({ data: z.array(CapacitySchema) }), "CapacityList", "A project's capacities.");

export const MilestoneSchema = component(
  z.object({
    id,
    projectId: id,
    type: z.enum(MILESTONE_TYPES),
    customLabel: z.string().nullable(),
    plannedDate: date.nullable(),
    forecastDate: date.nullable(),
    actualDate: date.nullable(),
    version: z.int(),
  }),
  "Milestone",
  "A milestone (签约, 开工, 投产, 达产 …) with its planned (baseline), forecast and actual dates.",
);
export const MilestoneListSchema = component(z.object({ data: z.array(MilestoneSchema) }), "MilestoneList", "A project's milestones.");

export const ProgressEntrySchema = component(
  z.object({
    id,
    projectId: id,
    period: monthOf,
    narrative: z.string(),
    narrativeEn: z.string().nullable(),
    investmentCompleted: money.nullable(),
    outputValue: money.nullable(),
    sourceUrl: z.string().nullable(),
    sourceRef: z.string().nullable(),
    supersedesId: id.nullable().describe("The entry this one corrects."),
    superseded: z.boolean().describe("Whether a later entry corrects this one (its amounts then no longer count)."),
    online: z.array(z.object({ capacityId: id, online: quantity })).describe("Capacity online as reported with the entry."),
    authorName: z.string().nullable(),
    createdAt: instant,
  }),
  "ProgressEntry",
  "A monthly progress entry. Entries are append-only: a correction is a new entry naming the one it supersedes.",
);
export const ProgressPageSchema = component(page(ProgressEntrySchema), "ProgressPage", "One page of a project's progress log, newest month first.");

export const RollupSchema = component(
  z.object({
    parkId: id,
    asOf: date,
    totals: z.object({ projects: z.int(), planned: money, contracted: money, inPlace: money, completed: money }),
    stages: z.object(Object.fromEntries(PROJECT_STAGES.map((s) => [s, z.int()])) as Record<(typeof PROJECT_STAGES)[number], z.ZodInt>),
    openProblems: z.int(),
    thisMonth: z.object({
      month: monthOf,
      investmentCompleted: money,
      ytdCompleted: money,
      mom: ratio,
      yoy: ratio,
      ytdGrowth: ratio,
    }),
    annualPlan: money.nullable().describe("The park's investment target for this year, or null when none is set."),
    completionRate: ratio.describe("Year to date completed / annual plan."),
    timeElapsed: z.number().describe("Share of the year passed (序时进度)."),
    pacePp: z.number().nullable().describe("completionRate − timeElapsed, in percentage points; positive is ahead."),
    monthly: z.array(z.object({ month: monthOf, investmentCompleted: money, outputValue: money })),
    capacityByCluster: z.array(capacityTotal.extend({ cluster: z.string(), clusterEn: z.string().nullable() })),
  }),
  "Rollup",
  "The park dashboard's figures (definitions in README, 'Park and region rollups').",
);

export const FieldErrorSchema = component(
  z.object({
    field: z.string().describe("The field or query parameter, dotted for nested fields (reached.<milestoneId>)."),
    pointer: z.string().optional().describe("JSON Pointer (RFC 6901) into the request body."),
    message: z.string(),
  }),
  "FieldError",
  "One invalid input.",
);

export const ProblemSchema = component(
  z.object({
    type: z.string().describe("urn:parkline:problem:<name>, e.g. urn:parkline:problem:validation"),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    errors: z.array(FieldErrorSchema).optional().describe("Validation problems: one entry per invalid field."),
    currentEtag: z.string().optional().describe("412: the ETag the resource has now."),
    changes: z.array(z.object({ at: instant, actorName: z.string().nullable(), changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])) })).optional()
      .describe("412: who changed which field since the version you read, old → new."),
  }),
  "Problem",
  "An RFC 9457 problem (application/problem+json).",
);

export type ProjectJson = z.input<typeof ProjectSchema>;
export type PhaseJson = z.input<typeof PhaseSchema>;
export type LineJson = z.input<typeof LineSchema>;
export type CapacityJson = z.input<typeof CapacitySchema>;
export type MilestoneJson = z.input<typeof MilestoneSchema>;
export type ProgressEntryJson = z.input<typeof ProgressEntrySchema>;
export type RollupJson = z.input<typeof RollupSchema>;
