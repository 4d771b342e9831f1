import fs from 'node:fs';
import path from 'node:path';

/** What `npm start` writes while its dev server runs, so the CLI and a separate worker can find it. */
export interface DevServerRecord {
  address: string;
  namespace: string;
  uiUrl?: string;
  /** The Ledgerflow process that owns the dev server; a record whose owner is gone is stale. */
  pid: number;
}

export function devServerRecordPath(dataDir: string): string {
  return path.join(dataDir, 'temporal-dev-server.json');
}

export function writeDevServerRecord(dataDir: string, record: DevServerRecord): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(devServerRecordPath(dataDir), `${JSON.stringify(record, null, 2)}\n`);
}

/** Removes the record only if this process wrote it, so a second `npm start` that failed leaves the first one's alone. */
export function removeDevServerRecord(dataDir: string, pid = process.pid): void {
  if (readDevServerRecord(dataDir)?.pid === pid) fs.rmSync(devServerRecordPath(dataDir), { force: true });
}

export function readDevServerRecord(dataDir: string): DevServerRecord | undefined {
  let record: DevServerRecord;
  try {
    record = JSON.parse(fs.readFileSync(devServerRecordPath(dataDir), 'utf8')) as DevServerRecord;
  } catch {
    return undefined;
  }
  return isAlive(record.pid) ? record : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
