import { z } from "zod";
import {
  lineFields, milestoneFields, milestoneRules, phaseFields, progressFields, progressRules, projectFields,
} from "@/lib/domain/project-schemas";

/**
 * Request bodies of /api/v1, built from the very field builders and cross-field rules the forms use
 * (lib/domain/project-schemas.ts), so the API and the UI accept exactly the same values. The
 * differences are JSON's: unknown keys are refused (a typo must not be ignored silently), and an
 * optional field may be sent as null, meaning what leaving it out of the form means.
 */

type Shape = Record<string, z.ZodType>;

/** A field that is optional in the form (empty → null or absent) also takes JSON null. */
function nullable<S extends z.ZodType>(field: S) {
  const absent = field.safeParse(undefined);
  if (!absent.success || (absent.data !== null && absent.data !== undefined)) return field;
  return z.union([z.null().transform(() => absent.data as z.output<S>), field]);
}

function jsonFields<T extends Shape>(shape: T): { [K in keyof T]: T[K] | z.ZodUnion<[z.ZodPipe<z.ZodNull, z.ZodTransform<z.output<T[K]>, null>>, T[K]]> } {
  return Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, nullable(field)])) as never;
}

const editableProjectFields = Object.fromEntries(Object.entries(projectFields).filter(([key]) => key !== "completedInvestment")) as Omit<typeof projectFields, "completedInvestment">;

export const createProjectBody = z.strictObject(jsonFields(projectFields));
/** Completed investment is kept by the progress log after creation, as in the edit form. */
export const patchProjectBody = z.strictObject(jsonFields(editableProjectFields)).partial();

export const createPhaseBody = z.strictObject(jsonFields(phaseFields));
export const patchPhaseBody = createPhaseBody.partial();

export const createLineBody = z.strictObject(jsonFields(lineFields));

export const createMilestoneBody = z.strictObject(jsonFields(milestoneFields)).superRefine(milestoneRules);
/** The rules across fields are checked on the milestone as it would be after the patch. */
export const patchMilestoneBody = z.strictObject(jsonFields(milestoneFields)).partial();

export const createProgressBody = z.strictObject(jsonFields(progressFields)).superRefine(progressRules);
