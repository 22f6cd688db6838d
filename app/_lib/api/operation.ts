import type { z } from "zod";
import type { Executor } from "@/db/types";

/**
 * One /api/v1 operation: its path, method, who may call it and the zod schemas of its parameters and
 * body. The route handler validates with these schemas (app/_lib/api/route.ts) and the OpenAPI
 * document is generated from them (app/_lib/api/openapi.ts), so the two cannot drift apart.
 */
export interface Operation<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  operationId: string;
  method: "GET" | "POST" | "PATCH";
  /** The OpenAPI path, e.g. /api/v1/projects/{projectId}; its route file is app/api/v1/projects/[projectId]/route.ts. */
  path: string;
  tag: "Parks" | "Projects" | "Structure" | "Progress";
  summary: string;
  description?: string;
  /** read: any member of the park; write: a read-and-write token AND the editor or admin role, as the UI's actions. */
  access: "read" | "write";
  params: P;
  query?: Q;
  body?: B;
  /** PATCH: the If-Match header must name the version read (428 without it, 412 when stale). */
  ifMatch?: boolean;
  /**
   * The park the resource is in, looked up among the parks the token reaches (`parkIds`); null is the
   * same 404 as a resource that does not exist. Absent for an operation over all the token's parks.
   */
  park?: (db: Executor, params: z.output<P>, parkIds: string[]) => Promise<string | null>;
  success: {
    status: 200 | 201;
    description: string;
    schema: z.ZodType;
    headers?: ("ETag" | "Location" | "Link")[];
  };
}

/** Where the OpenAPI document is served (app/api/v1/openapi.json/route.ts). */
export const OPENAPI_PATH = "/api/v1/openapi.json";

export const defineOperation = <P extends z.ZodType, Q extends z.ZodType = z.ZodNever, B extends z.ZodType = z.ZodNever>(op: Operation<P, Q, B>) => op;
