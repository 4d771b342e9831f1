import { createSmtpMailer, type Mailer, type SmtpSettings } from '../../activities/mailer';

/**
 * SMTP_HOST / SMTP_PORT / SMTP_FROM (and SMTP_USER, SMTP_PASSWORD, SMTP_SECURE=1) for the worker's mailer.
 * The default, localhost:2525, is where a local mail sink (e.g. `npx maildev --smtp 2525`) listens, so a laptop
 * never sends real mail by accident.
 */
export function smtpSettingsFrom(env: NodeJS.ProcessEnv): SmtpSettings {
  const port = Number(env.SMTP_PORT ?? 2525);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`SMTP_PORT must be a port number, not "${env.SMTP_PORT}"`);
  return {
    host: env.SMTP_HOST ?? 'localhost',
    port,
    from: env.SMTP_FROM ?? 'Ledgerflow <flows@ledgerflow.local>',
    secure: env.SMTP_SECURE === '1',
    ...(env.SMTP_USER ? { user: env.SMTP_USER, password: env.SMTP_PASSWORD ?? '' } : {}),
  };
}

export function mailerFromEnv(env: NodeJS.ProcessEnv): Mailer {
  return createSmtpMailer(smtpSettingsFrom(env));
}
