import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { deleteSession, SESSION_TTL_MS } from "@/db/queries/accounts";
import { checkCredentials, TOO_MANY_SIGN_INS } from "./credentials";
import { liveToken } from "./live-token";
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

/** Refused by the sign-in limits: the code reaches the sign-in form's action (and the callback's redirect). */
class TooManySignIns extends CredentialsSignin {
  override code = TOO_MANY_SIGN_INS;
}

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
      // The request (2nd argument) carries the client's address: the limits hold on every way in.
      async authorize(raw, request) {
        const checked = await checkCredentials(await getDb(), raw, request);
        if (checked.ok) return checked.user;
        throw checked.refusal === "invalid" ? new CredentialsSignin() : new TooManySignIns();
      },
    }),
  ],
  callbacks: {
    // Signing in puts the new session row's id in the token. Afterwards (GET /api/auth/session) the
    // row must still be live, or the cookie is cleared and no session answered (live-token.ts).
    async jwt({ token, user }) {
      if (user?.sid) return { ...token, sid: user.sid };
      return liveToken(await getDb(), token);
    },
    // The session endpoint shows who is signed in, not the session row's id.
    session({ session }) {
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await deleteSession(await getDb(), { sessionId: sid });
    },
  },
}));
