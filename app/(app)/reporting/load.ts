import "server-only";
import { getDb } from "@/db/client";
import { listReportingRows } from "@/db/queries/reporting";
import { chinaToday } from "@/lib/domain/china-day";
import { buildRollCall, periodOf, shiftMonth } from "@/lib/domain/reporting";

/** The last 12 months' roll-call of the parks given (the viewer's own: the caller checks). */
export async function loadRollCall(parkIds: string[], today = chinaToday()) {
  const current = periodOf(today);
  const rows = await listReportingRows(await getDb(), { parkIds, from: shiftMonth(current, -11), to: current });
  return buildRollCall(rows, today);
}
