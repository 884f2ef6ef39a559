import type { Transporter } from "nodemailer";

export type Mail = { to: string; subject: string; text: string };

let transport: Transporter | undefined;

/**
 * Send by SMTP when SMTP_URL is set; otherwise write the message to the server
 * log so that a developer or a small installation can still follow links.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) {
    console.info(`[mail] To: ${mail.to}\n[mail] Subject: ${mail.subject}\n${mail.text}\n[mail] end`);
    return;
  }
  // Loaded on the first mail: most requests never send one.
  transport ??= (await import("nodemailer")).default.createTransport(smtpUrl);
  await transport.sendMail({
    from: process.env.MAIL_FROM || "Lärloop <no-reply@larloop.local>",
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
  });
}
