/**
 * `npm start` on a laptop has no mail server, yet flows send mail (reminders, invoices) and the API sends password
 * resets. Without one every send would fail and be retried until the step gives up, so the first flow a new tenant
 * admin tries would go down its error route. When SMTP_HOST is not set, this catcher listens where the mailer sends
 * (SMTP_PORT, 2525 by default) and keeps each message as an .eml file in the data folder instead of delivering it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface DevMailCatcher {
  host: string;
  port: number;
  folder: string;
  stop(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

function subjectOf(raw: string): string {
  return /^Subject:\s*(.*)$/im.exec(raw)?.[1]?.trim() ?? '(no subject)';
}

/** Starts the catcher, or answers undefined when the port is taken (some other mail sink already listens there). */
export async function startDevMailCatcher(options: { host?: string; port: number; folder: string; log: (line: string) => void }): Promise<DevMailCatcher | undefined> {
  const host = options.host ?? '127.0.0.1';
  mkdirSync(options.folder, { recursive: true });
  let caught = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: MAX_MESSAGE_BYTES,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        caught += 1;
        const file = join(options.folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${caught}.eml`);
        try {
          writeFileSync(file, raw);
        } catch (error) {
          callback(error as Error);
          return;
        }
        // The subject names the message (invoice numbers, plans); recipients are personal data and stay out of the log.
        options.log(`mail caught: "${subjectOf(raw)}" saved as ${file}`);
        callback();
      });
    },
  });
  const listening = await new Promise<boolean>((resolve, reject) => {
    // SMTPServer re-emits its socket server's errors on itself.
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(false) : reject(error)));
    server.listen(options.port, host, () => resolve(true));
  });
  if (!listening) return undefined;
  const { port } = server.server.address() as AddressInfo;
  return { host, port, folder: options.folder, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
