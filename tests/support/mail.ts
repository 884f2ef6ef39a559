import { afterEach, beforeEach, vi } from "vitest";

/**
 * Mails the app writes to its log when SMTP_URL is unset (the edge of the
 * world: no SMTP server here). Returns the list, filled as mails are sent.
 */
export function captureMail() {
  const mails: { to: string; subject: string; body: string }[] = [];
  let spy: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    mails.length = 0;
    spy = vi.spyOn(console, "info").mockImplementation((message: unknown) => {
      const text = String(message);
      const match = text.match(/^\[mail\] To: (.*)\n\[mail\] Subject: (.*)\n([\s\S]*)\n\[mail\] end$/);
      if (match) mails.push({ to: match[1], subject: match[2], body: match[3] });
    });
  });
  afterEach(() => spy.mockRestore());
  return mails;
}

export function linkIn(body: string, path: string): string {
  const match = body.match(new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, "\\$&")}[^\\s]*`));
  if (!match) throw new Error(`No ${path} link in:\n${body}`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
}
