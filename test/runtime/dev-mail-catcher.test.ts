import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createSmtpMailer } from '../../activities/mailer';
import { startDevMailCatcher, type DevMailCatcher } from '../../engine/runtime/dev-mail-catcher';

describe('the development mail catcher', () => {
  let folder: string;
  let catcher: DevMailCatcher | undefined;
  const lines: string[] = [];

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-mail-'));
    lines.length = 0;
  });

  afterEach(async () => {
    await catcher?.stop();
    catcher = undefined;
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('keeps a sent message as an .eml file and logs its subject but not its recipient', async () => {
    catcher = await startDevMailCatcher({ port: 0, folder, log: (line) => lines.push(line) });
    const mailer = createSmtpMailer({ host: catcher!.host, port: catcher!.port, from: 'flows@ledgerflow.test' });
    await mailer.send({ to: 'ada@customer.test', subject: 'Reminder: invoice INV-7 is overdue', text: 'EUR 1,250.00 is still open.' });
    const files = fs.readdirSync(folder);
    expect(files).toHaveLength(1);
    const raw = fs.readFileSync(path.join(folder, files[0]), 'utf8');
    expect(raw).toContain('Subject: Reminder: invoice INV-7 is overdue');
    expect(raw).toContain('EUR 1,250.00 is still open.');
    expect(lines).toEqual([`mail caught: "Reminder: invoice INV-7 is overdue" saved as ${path.join(folder, files[0])}`]);
    expect(lines.join('\n')).not.toContain('ada@customer.test');
  });

  it('steps aside when another mail sink already listens on the port', async () => {
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', () => resolve()));
    try {
      const port = (other.address() as net.AddressInfo).port;
      expect(await startDevMailCatcher({ port, folder, log: (line) => lines.push(line) })).toBeUndefined();
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});
