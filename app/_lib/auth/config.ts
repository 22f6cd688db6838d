import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { createSession, deleteSession, getUserByEmail, SESSION_TTL_MS } from "@/db/queries/accounts";
import { verifyPassword } from "./password";
import { getAuthSecret } from "./secret";

declare module "next-auth" {
  interface User {
    sid?: string;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1024),
});

/**
 * The session cookie carries only a server-side session id (`sid`). Who the user is, and which parks
 * they may see, is read from the database on every request (app/_lib/auth/viewer.ts); the cookie is
 * read there by session-cookie.ts rather than next-auth's `auth()`, which costs twice as much.
 */
export const { handlers, signIn, signOut } = NextAuth(() => ({
  // Lazy config: the secret is read at the first request, never during `next build`.
  secret: getAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_TTL_MS / 1000 },
  pages: { signIn: "/signin" },
  logger: {
    // A wrong password is an everyday event, not a server error: keep it out of the error log.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const db = await getDb();
        const user = await getUserByEmail(db, { email: parsed.data.email });
        const ok = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
        // A deactivated account is refused like a wrong password: no hint that the address exists.
        if (!user || !ok || user.deactivatedAt !== null) throw new CredentialsSignin();
        const sid = await createSession(db, { userId: user.id });
        return { id: user.id, email: user.email, name: user.name, sid };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: token.sid };
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await deleteSession(await getDb(), { sessionId: sid });
    },
  },
}));
