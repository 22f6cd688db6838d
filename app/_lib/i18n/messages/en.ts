// The English catalog is the reference: zh.ts must have exactly these keys and placeholders
// (the type below enforces the keys; tests/unit/messages.test.ts checks the placeholders).
export const en = {
  "app.name": "Parkline",
  "app.tagline": "Industrial investment projects, month by month",
  "app.skipToContent": "Skip to content",

  "nav.projects": "Projects",
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
  "validation.invalid": "This value is not valid.",

  "error.unauthorized": "Please sign in.",
  "error.forbidden": "You do not have access to this.",
  "error.notFound": "Not found.",
  "error.badRequest": "The request is not valid.",
  "error.unavailable": "The service is temporarily unavailable. Please try again.",
  "error.generic": "Something went wrong. Nothing was changed; please try again.",
  "error.notFoundTitle": "Page not found",
  "error.notFoundBody": "The page does not exist or you do not have access to it.",
  "error.backHome": "Back to projects",
  "error.retry": "Try again",

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

  "projects.title": "Projects",
  "projects.subtitle": "Your parks and their investment projects",
  "projects.noParks": "You are not a member of any park yet. Ask a park admin to add you.",
  "projects.noProjects": "No projects in this park yet.",
  "projects.count": "{count} projects",
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
  "projects.none": "—",
} as const;

export type MessageKey = keyof typeof en;
