import { handlers } from "@/app/_lib/auth/config";

// next-auth's own endpoints (session, csrf, callback); sign-in and sign-out go through server actions.
export const { GET, POST } = handlers;
