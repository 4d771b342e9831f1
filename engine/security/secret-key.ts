import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The key that seals secrets at rest: LEDGERFLOW_SECRET_KEY (base64, 32 bytes) in production;
 * on a developer machine a key file is created once in the data folder, readable only by its owner.
 */
export function loadSecretKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  if (env.LEDGERFLOW_SECRET_KEY) return decodeKey(env.LEDGERFLOW_SECRET_KEY, 'LEDGERFLOW_SECRET_KEY');
  const keyFile = path.join(dataDir, 'secret.key');
  if (!fs.existsSync(keyFile)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return decodeKey(fs.readFileSync(keyFile, 'utf8').trim(), keyFile);
}

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${source} must hold 32 bytes encoded as base64 (got ${key.length})`);
  return key;
}
