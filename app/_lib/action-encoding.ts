/**
 * Server-action bodies are decoded by Next.js before any of the app's code runs, and a malformed
 * encoding is a 500 there: an argument that is not JSON, a reference to a part the body does not hold
 * or of the wrong shape ("$F1", "$Q1": a server reference, a Map), or nesting deep enough to overflow
 * React's recursive decoder. proxy.ts checks the shape first so such a post gets a 400 instead. The
 * check is about syntax only: what the arguments mean is still validated by each action's guard.
 */

/** Fields holding encoded arguments: "0", "1"… (a fetch-style call) and "$ACTION_1:0" (a form post without JS). */
const ARGUMENT_FIELD = /^(\d+|\$ACTION_\d+:\d+)$/;

/** Far deeper than any form state Parkline's actions take (about 4), far shallower than the decoder's stack. */
export const MAX_ARGUMENT_DEPTH = 32;

/**
 * The "$" strings Parkline's actions can legitimately receive: an escaped "$", FormData ("$K1"), the
 * scalars (undefined, dates, ±Infinity, NaN, -0, BigInt) and, for the bound arguments of a form posted
 * without JS, a promise ("$@1") of a part the body holds. Anything else (Maps, Sets, iterators, server
 * and temporary references, typed arrays, blobs, streams, bare part references) no action of ours takes.
 */
const SCALAR_REFERENCE = /^\$(\$|K[0-9a-f]+$|undefined$|u$|D|Infinity$|-Infinity$|-0$|NaN$|n\d{1,300}$)/;
const PROMISE_REFERENCE = /^\$@([0-9a-f]+)$/;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Whether every string in `value` is a reference we accept and it nests no deeper than the limit.
 * Iterative, so a hostile depth cannot overflow this check's own stack. `hasPart(n)` tells whether
 * part n of the same argument list is in the body.
 */
function isAcceptedModel(value: unknown, hasPart: (n: number) => boolean): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (typeof node === "string") {
      if (!node.startsWith("$") || SCALAR_REFERENCE.test(node)) continue;
      const promise = PROMISE_REFERENCE.exec(node);
      if (promise && hasPart(parseInt(promise[1]!, 16))) continue;
      return false;
    }
    if (typeof node !== "object" || node === null) continue;
    if (depth >= MAX_ARGUMENT_DEPTH) return false;
    for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return true;
}

/** A multipart action body: every argument field must be a JSON string of an accepted model. */
export function hasWellFormedArguments(form: FormData): boolean {
  for (const [name, value] of form.entries()) {
    if (!ARGUMENT_FIELD.test(name)) continue;
    if (typeof value !== "string") return false;
    const parsed = parseJson(value);
    // "$ACTION_1:0" names its parts "$ACTION_1:<n>"; a fetch-style call's are "<n>".
    const prefix = name.slice(0, name.lastIndexOf(":") + 1);
    const hasPart = (n: number) => typeof form.get(`${prefix}${n}`) === "string";
    if (!parsed.ok || !isAcceptedModel(parsed.value, hasPart)) return false;
  }
  return true;
}

/** A text/plain action body (arguments without files): the whole body is one JSON array, with no parts. */
export function isWellFormedTextArguments(body: string): boolean {
  const parsed = parseJson(body);
  return parsed.ok && Array.isArray(parsed.value) && isAcceptedModel(parsed.value, () => false);
}
