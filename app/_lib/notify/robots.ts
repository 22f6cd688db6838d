import "server-only";
import { createHmac } from "node:crypto";

/**
 * The two group robots' message formats. DingTalk (加签): the URL gets `timestamp` (ms) and
 * `sign` = base64(HmacSHA256(secret, timestamp + "\n" + secret)); WeCom: the key is in the URL.
 * Both answer HTTP 200 with `{"errcode":0}` on success; any other errcode is a failure to retry.
 */
export function dingTalkSign(timestamp: number, secret: string): string {
  return createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
}

export function dingTalkRequest(webhookUrl: string, secret: string | null, { title, text }: { title: string; text: string }, now = Date.now()) {
  const url = new URL(webhookUrl);
  if (secret) {
    url.searchParams.set("timestamp", String(now));
    url.searchParams.set("sign", dingTalkSign(now, secret));
  }
  return { url: url.toString(), body: { msgtype: "markdown", markdown: { title, text } } };
}

export function weComRequest(webhookUrl: string, { content }: { content: string }) {
  return { url: webhookUrl, body: { msgtype: "markdown", markdown: { content } } };
}

/** Posts JSON; throws with the robot's own words when it refuses. */
export async function postRobot(request: { url: string; body: unknown }): Promise<void> {
  const response = await fetch(request.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request.body),
    signal: AbortSignal.timeout(10_000),
    redirect: "error",
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`robot answered HTTP ${response.status}: ${text.slice(0, 200)}`);
  let answer: { errcode?: unknown; errmsg?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new Error(`robot answered something other than JSON: ${text.slice(0, 200)}`);
  }
  if (answer.errcode !== 0) throw new Error(`robot refused: errcode ${String(answer.errcode)} ${String(answer.errmsg ?? "")}`);
}
