import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * A TOTP code computed by otplib itself, in a child Node process: otplib 13 is ES modules only, which jest's
 * CommonJS runtime cannot load. Using an independent implementation proves real authenticator apps interoperate.
 */
export function otplibCode(secret: string, epochSeconds = Math.floor(Date.now() / 1000)): string {
  const script = "import { generate } from 'otplib'; console.log(await generate({ secret: process.argv[1], epoch: Number(process.argv[2]) }));";
  return execFileSync(process.execPath, ['--input-type=module', '-e', script, secret, String(epochSeconds)], { cwd: path.resolve(__dirname, '../../..') })
    .toString()
    .trim();
}
