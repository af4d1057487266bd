import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/**
 * A real SMTP server on a local port, keeping what it receives. `refuse(code, times)` makes it
 * answer the next messages with an SMTP error (451: try later; 550: never).
 */
export async function startSmtpReceiver(port = 0, onMessage?: (mail: Received, raw: Buffer) => void) {
  const received: Received[] = [];
  const refusals: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const code = refusals.shift();
        if (code) return callback(Object.assign(new Error(code >= 500 ? "Mailbox unavailable" : "Try again later"), { responseCode: code }));
        const raw = Buffer.concat(chunks);
        const parsed: ParsedMail = await simpleParser(raw);
        const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
        const mail = { to: to?.value[0]?.address ?? "", subject: parsed.subject ?? "", text: parsed.text ?? "", html: parsed.html || "", messageId: parsed.messageId ?? "" };
        received.push(mail);
        onMessage?.(mail, raw);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    received,
    refuse: (code: number, times = 1) => refusals.push(...Array<number>(times).fill(code)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
