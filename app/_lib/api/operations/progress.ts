import { createProgressBody } from "../bodies";
import { defineOperation } from "../operation";
import { pageQuery, ProgressEntrySchema, ProgressPageSchema, projectPath } from "../schemas";
import { projectPark } from "./parks";

export const listProgress = defineOperation({
  operationId: "listProgress", method: "GET", path: "/api/v1/projects/{projectId}/progress", tag: "Progress",
  summary: "A project's progress log, a page at a time",
  description: "Newest month first. Corrected entries stay, marked superseded. Follow `next` until it is null.",
  access: "read", params: projectPath, query: pageQuery, park: projectPark,
  success: { status: 200, description: "One page of entries.", schema: ProgressPageSchema, headers: ["Link"] },
});

export const logProgress = defineOperation({
  operationId: "logProgress", method: "POST", path: "/api/v1/projects/{projectId}/progress", tag: "Progress",
  summary: "Log a month",
  description:
    "The same rules as the monthly log form, in one transaction: the entry, the project's completed investment, milestones reached (`reached`: milestone id → date), capacity online (`online`: capacity id → quantity), an optional problem, and the stage. `supersedesId` corrects an earlier entry (once). The month cannot be in the future. The project's version (ETag) moves.",
  access: "write", params: projectPath, body: createProgressBody, park: projectPark,
  success: { status: 201, description: "The entry as saved.", schema: ProgressEntrySchema },
});
