import { ProblemError } from './problem';

/** IANA names as this Node knows them, so a calendar date is never computed in a zone that does not exist. */
export function checkTimeZone(zone: unknown): void {
  if (zone === undefined) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone as string });
  } catch {
    throw new ProblemError(422, 'validation_failed', `${String(zone)} is not an IANA time zone`, [{ in: 'body', pointer: '#/time_zone', message: 'is not an IANA time zone, e.g. Europe/Lisbon' }]);
  }
}
