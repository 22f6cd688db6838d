// The English catalog is the reference: zh.ts must have exactly these keys and placeholders
// (the type below enforces the keys; tests/unit/messages.test.ts checks the placeholders).
import { accountEn } from "./account.en";
import { adminEn } from "./admin.en";
import { apiEn } from "./api.en";
import { dashboardEn } from "./dashboard.en";
import { ledgerEn } from "./ledger.en";
import { peopleEn } from "./people.en";
import { notifyEn } from "./notify.en";
import { projectEn } from "./project.en";
import { reportEn } from "./report.en";
import { shareEn } from "./share.en";

export const en = {
  ...accountEn,
  ...adminEn,
  ...apiEn,
  ...projectEn,
  ...shareEn,
  ...dashboardEn,
  ...ledgerEn,
  ...peopleEn,
  ...reportEn,
  ...notifyEn,
  "app.name": "Parkline",
  "app.tagline": "Industrial investment projects, month by month",
  "demo.label": "Demo park · illustrative data",
  "demo.explain": "Generated for demonstration, relative to the day the data was loaded: no figure of this park comes from a source.",
  "app.skipToContent": "Skip to content",

  "nav.projects": "Overview",
  "nav.signOut": "Sign out",
  "nav.language": "Language",
  "nav.account": "Account menu",
  "nav.signedInAs": "Signed in as {email}",

  "lang.en": "English",
  "lang.zh": "简体中文",
  "lang.switchTo": "Switch language",

  "signin.title": "Sign in to Parkline",
  "signin.subtitle": "Project ledgers, progress and rollups for your park",
  "signin.email": "Email",
  "signin.password": "Password",
  "signin.submit": "Sign in",
  "signin.submitting": "Signing in…",
  "signin.invalid": "Email or password is incorrect.",
  "signin.tooMany": "Too many attempts. Wait a few minutes and try again.",
  "signin.demoTitle": "Demo accounts (development only)",
  "signin.demoHint": "Every demo account uses the password {password}",
  "signin.useAccount": "Use {email}",

  "validation.required": "This field is required.",
  "validation.email": "Enter a valid email address.",
  "validation.tooLong": "At most {max} characters.",
  "validation.date": "Enter a real date (YYYY-MM-DD).",
  "validation.month": "Enter a month (YYYY-MM).",
  "validation.quantity": "Enter a number ≥ 0 with at most four decimals, e.g. 120000000.",
  "validation.url": "Enter a link starting with http:// or https://.",
  "validation.code": "Letters, digits and . _ - / only, starting with a letter or digit.",
  "milestone.needsDate": "Give at least one date: planned, forecast or actual.",
  "validation.invalid": "This value is not valid.",

  "error.unauthorized": "Please sign in.",
  "error.forbidden": "You do not have access to this.",
  "error.parkArchived": "This park is archived: its data is read-only.",
  "error.fixFields": "Please correct the fields marked below. Nothing was saved.",
  "error.notFound": "Not found.",
  "error.badRequest": "The request is not valid.",
  "error.unavailable": "The service is temporarily unavailable. Please try again.",
  "error.generic": "Something went wrong. Nothing was changed; please try again.",
  "error.notFoundTitle": "Page not found",
  "error.notFoundBody": "The page does not exist or you do not have access to it.",
  "error.backHome": "Back to projects",
  "error.retry": "Try again",

  "amount.empty": "Enter an amount.",
  "amount.not_a_number": "Not a number. Use digits such as 50亿, 5 bn or 5,000,000,000; scientific notation (1e9) is not accepted.",
  "amount.negative": "Amounts cannot be negative.",
  "amount.ambiguous_separator": "Ambiguous separators. Use commas only between groups of three digits and a single dot for decimals.",
  "amount.ambiguous_unit": "Use a single unit, e.g. 50亿 or 5 bn.",
  "amount.mixed_units": "Enter one number with one unit, e.g. 5.3亿.",
  "amount.unsupported_currency": "Amounts are in yuan (RMB).",
  "amount.too_many_decimals": "At most two decimals of a yuan (fen).",
  "amount.too_large": "Amount exceeds 10^15 yuan.",

  "role.admin": "Admin",
  "role.editor": "Editor",
  "role.viewer": "Viewer",

  "stage.signed": "Signed",
  "stage.construction": "Under construction",
  "stage.production": "In production",
  "stage.full_capacity": "Full capacity",

  "health.on_track": "On track",
  "health.at_risk": "At risk",
  "health.off_track": "Off track",

  "projects.title": "Park overview",
  "projects.subtitle": "Your parks and their investment projects",
  "projects.noParks": "You are not a member of any park yet. Ask a park admin to add you.",
  "projects.noParksPlatformAdmin": "You are a platform administrator and a member of no park: create regions and parks, and invite each park's people, under Administration.",
  "projects.noProjects": "No projects in this park yet.",
  "projects.count": "{count, plural, one {# project} other {# projects}}",
  "projects.col.project": "Project",
  "projects.col.company": "Company",
  "projects.col.cluster": "Cluster",
  "projects.col.stage": "Stage",
  "projects.col.capacity": "Designed capacity",
  "projects.col.planned": "Planned investment",
  "projects.yourRole": "Your role: {role}",
  "projects.plannedTotal": "Planned investment",
  "projects.estimated": "estimated",
  "projects.estimatedHint": "Some figures are estimates: the source does not state them exactly.",
  "projects.seeAll": "All {count} projects of this park →",
  "projects.none": "—",
} as const;

export type MessageKey = keyof typeof en;
