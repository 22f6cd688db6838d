import { OPENAPI_PATH } from "@/app/_lib/api/operation";
import { OPERATIONS } from "@/app/_lib/api/operations";
import type { MatrixContext, RouteRow } from "./access-matrix";
import { cells, type Cell, type Cells } from "./matrix-cells";
import { routeFileOf } from "./api-client";
import { validRequest } from "./api-fixture";

/**
 * The /api/v1 rows of the access matrix: each role calls with its own API token (read and write, for
 * all its parks), on the matrix's Ningxiang project. The cells are what the UI's actions allow: any
 * member reads, editors and admins write, another park's user gets 404, no token 401.
 */

const A: Cell = "allowed";
const R: Cell = "refused";

const READ = cells(A, A, A, R, R);
const WRITE = cells(A, A, R, R, R);

function apiRow(operationId: string, c: Cells): RouteRow {
  const op = OPERATIONS.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`api-matrix: no operation ${operationId}`);
  const fill = (ctx: MatrixContext) => Object.fromEntries([...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, String(ctx[name as keyof MatrixContext])]));
  return {
    file: routeFileOf(op.path),
    method: op.method,
    cells: c,
    request: (ctx) => {
      const params = fill(ctx);
      return { path: op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!), params };
    },
    api: async (ctx) => validRequest(ctx.db, op, ctx),
  };
}

export const API_ROUTE_ROWS: RouteRow[] = [
  //     operation            admin editor viewer other out
  apiRow("listParks",         cells(A, A, A, A, R)),
  apiRow("getPark",           READ),
  apiRow("getParkRollup",     READ),
  apiRow("listProjects",      READ),
  apiRow("createProject",     WRITE),
  apiRow("getProject",        READ),
  apiRow("updateProject",     WRITE),
  apiRow("listPhases",        READ),
  apiRow("createPhase",       WRITE),
  apiRow("getPhase",          READ),
  apiRow("updatePhase",       WRITE),
  apiRow("listLines",         READ),
  apiRow("createLine",        WRITE),
  apiRow("listCapacities",    READ),
  apiRow("listMilestones",    READ),
  apiRow("createMilestone",   WRITE),
  apiRow("getMilestone",      READ),
  apiRow("updateMilestone",   WRITE),
  apiRow("listProgress",      READ),
  apiRow("logProgress",       WRITE),
  // The document describes the API and holds no data: public.
  { file: routeFileOf(OPENAPI_PATH), method: "GET", cells: cells(A, A, A, A, A), request: () => ({ path: OPENAPI_PATH, params: {} }) },
];
