import { types } from 'pg';

const INT8_OID = 20;
const DATE_OID = 1082;

/** bigint columns hold money in minor units: return numbers, and refuse any value a JS number cannot hold exactly. */
function parseSafeBigint(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} exceeds the exact range of a JavaScript number`);
  return value;
}

let installed = false;

/** Calendar dates stay YYYY-MM-DD strings: turning them into Date objects would shift them by the process time zone. */
export function installPgTypeParsers(): void {
  if (installed) return;
  types.setTypeParser(INT8_OID, parseSafeBigint);
  types.setTypeParser(DATE_OID, (text: string) => text);
  installed = true;
}
