import "server-only";
import { enqueueNotices, enqueueParkPosts } from "@/db/queries/notifications";
import { planMonthClose, planOverdue, planReminders, planWeeklyDigest, type Plan } from "@/db/queries/notify-plans";
import type { Db, Executor } from "@/db/types";
import { chinaToday } from "@/lib/domain/china-day";
import { mailConfigured } from "../mail/send";

/** The scheduled jobs: name → when (cron, China time) and what it plans. */
export const PLANNERS: Record<string, { cron: string; plan: (db: Executor, args: { today: string }) => Promise<Plan> }> = {
  "notify-reminders": { cron: "0 9 * * *", plan: planReminders },
  "notify-overdue": { cron: "30 9 * * *", plan: planOverdue },
  "notify-weekly-digest": { cron: "0 8 * * 1", plan: planWeeklyDigest },
  "notify-month-close": { cron: "0 8 1 * *", plan: planMonthClose },
};

/** Runs one planner and puts what it plans in the inbox and the outbox (idempotent: keys dedupe). */
export async function runPlanner(db: Db, name: keyof typeof PLANNERS, today = chinaToday()): Promise<{ notices: number; posts: number }> {
  const plan = await PLANNERS[name]!.plan(db, { today });
  const notices = await enqueueNotices(db, plan.notices, { email: mailConfigured() });
  const posts = await enqueueParkPosts(db, plan.posts);
  return { notices, posts };
}
