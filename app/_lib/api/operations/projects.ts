import { patchProjectBody } from "../bodies";
import { defineOperation } from "../operation";
import { ProjectSchema, projectPath, ProjectWrittenSchema } from "../schemas";
import { projectPark } from "./parks";

export const getProject = defineOperation({
  operationId: "getProject",
  method: "GET",
  path: "/api/v1/projects/{projectId}",
  tag: "Projects",
  summary: "One project",
  description: "The ETag is the project's version; a GET with If-None-Match of the current ETag answers 304.",
  access: "read",
  params: projectPath,
  park: projectPark,
  success: { status: 200, description: "The project.", schema: ProjectSchema, headers: ["ETag"] },
});

export const patchProject = defineOperation({
  operationId: "updateProject",
  method: "PATCH",
  path: "/api/v1/projects/{projectId}",
  tag: "Projects",
  summary: "Change a project's fields",
  description:
    "Send only the fields to change (null clears an optional one) with If-Match: the ETag you read. A project changed since (by anyone, or by a logged month) answers 412 and nothing is saved. Completed investment is kept by the progress log.",
  access: "write",
  params: projectPath,
  body: patchProjectBody,
  ifMatch: true,
  park: projectPark,
  success: { status: 200, description: "The project as saved.", schema: ProjectWrittenSchema, headers: ["ETag"] },
});
