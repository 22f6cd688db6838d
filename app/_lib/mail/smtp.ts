import { connect as netConnect, type Socket } from "node:net";
import { connect as tlsConnect, type TLSSocket } from "node:tls";

/**
 * A small SMTP client: EHLO, STARTTLS when offered (smtp://) or TLS from the start (smtps://), AUTH
 * PLAIN when the URL has credentials, one message. nodemailer is the intended client, but it is not
 * installed here (package.json lists only its types); this speaks just what invitations need.
 */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

const TIMEOUT_MS = 15_000;

/** Header values cannot carry line breaks: an address or subject with CR/LF would add headers. */
function headerSafe(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error("mail header contains a line break");
  return value;
}

function encodeHeader(value: string): string {
  // Non-ASCII subjects (Chinese) as RFC 2047 base64 words.
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, "utf8").toString("base64")}?=`;
}

function addressOf(mailbox: string): string {
  const match = /<([^<>]+)>\s*$/.exec(mailbox);
  return (match ? match[1]! : mailbox).trim();
}

class Conversation {
  private buffer = "";
  private waiting: ((reply: { code: number; text: string }) => void) | null = null;
  private failed: Error | null = null;

  constructor(private socket: Socket | TLSSocket) {
    this.listen(socket);
  }

  listen(socket: Socket | TLSSocket) {
    this.socket = socket;
    socket.setEncoding("utf8");
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error("SMTP server timed out")));
    socket.on("data", (chunk: string) => {
      this.buffer += chunk;
      this.deliver();
    });
    socket.on("error", (error) => {
      this.failed = error;
      this.waiting?.({ code: 0, text: error.message });
    });
  }

  /** A complete reply: lines "250-..." continue, "250 ..." ends. */
  private deliver() {
    const lines = this.buffer.split("\r\n");
    const last = lines.findIndex((line) => /^\d{3}( |$)/.test(line));
    if (last < 0 || !this.waiting) return;
    const reply = lines.slice(0, last + 1);
    this.buffer = lines.slice(last + 1).join("\r\n");
    const resolve = this.waiting;
    this.waiting = null;
    resolve({ code: Number(reply.at(-1)!.slice(0, 3)), text: reply.map((l) => l.slice(4)).join("\n") });
  }

  read(): Promise<{ code: number; text: string }> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.deliver();
    });
  }

  async command(line: string | null, expect: number[]): Promise<string> {
    if (line !== null) this.socket.write(`${line}\r\n`);
    const reply = await this.read();
    if (!expect.includes(reply.code)) throw new Error(`SMTP ${line?.split(" ")[0] ?? "greeting"} refused: ${reply.code} ${reply.text}`);
    return reply.text;
  }

  get raw() {
    return this.socket;
  }
}

function open(url: URL): Promise<Socket | TLSSocket> {
  const secure = url.protocol === "smtps:";
  const port = Number(url.port || (secure ? 465 : 587));
  return new Promise((resolve, reject) => {
    const socket = secure ? tlsConnect({ host: url.hostname, port, servername: url.hostname }) : netConnect({ host: url.hostname, port });
    socket.once(secure ? "secureConnect" : "connect", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Sends one plain-text message through the server SMTP_URL names (smtp:// or smtps://, user:password@ optional). */
export async function sendSmtp(smtpUrl: string, mail: OutgoingMail): Promise<void> {
  const url = new URL(smtpUrl);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new Error("SMTP_URL must start with smtp:// or smtps://");
  const from = headerSafe(mail.from);
  const to = headerSafe(mail.to);
  const talk = new Conversation(await open(url));
  try {
    await talk.command(null, [220]);
    let features = await talk.command("EHLO parkline", [250]);
    if (url.protocol === "smtp:" && /^STARTTLS$/im.test(features)) {
      await talk.command("STARTTLS", [220]);
      const plain = talk.raw as Socket;
      plain.removeAllListeners("data");
      const secured = await new Promise<TLSSocket>((resolve, reject) => {
        const tls = tlsConnect({ socket: plain, servername: url.hostname, rejectUnauthorized: url.searchParams.get("tls") !== "insecure" });
        tls.once("secureConnect", () => resolve(tls));
        tls.once("error", reject);
      });
      talk.listen(secured);
      features = await talk.command("EHLO parkline", [250]);
    }
    if (url.username) {
      const credentials = Buffer.from(`\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`, "utf8").toString("base64");
      await talk.command(`AUTH PLAIN ${credentials}`, [235]);
    }
    await talk.command(`MAIL FROM:<${addressOf(from)}>`, [250]);
    await talk.command(`RCPT TO:<${addressOf(to)}>`, [250, 251]);
    await talk.command("DATA", [354]);
    const body = mail.text.replace(/\r?\n/g, "\r\n").replace(/^\./gm, "..");
    const message = [
      `From: ${from}`,
      `To: ${to}`,
      `Subject: ${encodeHeader(headerSafe(mail.subject))}`,
      `Date: ${new Date().toUTCString()}`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: 8bit",
      "",
      body,
      ".",
    ].join("\r\n");
    await talk.command(message, [250]);
    await talk.command("QUIT", [221]).catch(() => {});
  } finally {
    talk.raw.destroy();
  }
}
