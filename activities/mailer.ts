import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Sent as the Message-ID, so a receiving system can recognise a repeated delivery of the same message. */
  messageId?: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

export interface SmtpSettings {
  host: string;
  port: number;
  from: string;
  secure?: boolean;
  user?: string;
  password?: string;
}

/** Sends through a real SMTP server (a local sink in tests, the tenant's relay in production). */
export function createSmtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure ?? false,
    ignoreTLS: !settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
  });
  return {
    async send(email) {
      const info = await transport.sendMail({ from: settings.from, to: email.to, subject: email.subject, text: email.text, html: email.html, messageId: email.messageId });
      return { messageId: info.messageId };
    },
  };
}
