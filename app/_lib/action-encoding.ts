/**
 * Server-action bodies are decoded by Next.js before any of the app's code runs, and a malformed
 * encoding (an argument that is not JSON) is a 500 there. proxy.ts checks the shape first so such a
 * post gets a 400 instead. The check is about syntax only: what the arguments mean is still validated
 * by each action's guard.
 */

/** Fields holding encoded arguments: "0", "1"… (a fetch-style call) and "$ACTION_1:0" (a form post without JS). */
const ARGUMENT_FIELD = /^(\d+|\$ACTION_\d+:\d+)$/;

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A multipart action body: every argument field must be a JSON string. */
export function hasWellFormedArguments(form: FormData): boolean {
  for (const [name, value] of form.entries()) {
    if (ARGUMENT_FIELD.test(name) && (typeof value !== "string" || !isJson(value))) return false;
  }
  return true;
}

/** A text/plain action body (arguments without files): the whole body is one JSON array. */
export function isWellFormedTextArguments(body: string): boolean {
  return isJson(body) && Array.isArray(JSON.parse(body));
}
