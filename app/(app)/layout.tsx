import type { ReactNode } from "react";
import { AppChrome } from "@/components/app-chrome";
import { signOutAction, setLocaleAction } from "@/app/_lib/actions/session";
import { listedMemberships, requireViewer } from "@/app/_lib/auth/viewer";
import { getTranslator } from "@/app/_lib/request-locale";
import { getDb } from "@/db/client";
import { countUnread } from "@/db/queries/notifications";

// Every page below needs a session; each page also asks for the viewer itself (layouts are not
// re-run on every client navigation, so they are not where authorization lives).
export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const { t } = await getTranslator();
  const parks = listedMemberships(viewer);
  const unread = await countUnread(await getDb(), { userId: viewer.userId });
  return (
    <AppChrome
      t={t}
      user={viewer}
      platformAdmin={viewer.platformAdmin}
      unread={unread}
      dashboardSlug={parks.length === 1 ? parks[0]!.slug : null}
      actions={{ signOut: signOutAction, setLocale: setLocaleAction }}
    >
      {children}
    </AppChrome>
  );
}
