/** Conversions between UTC instants and wall-clock time in an IANA time zone, through Intl only (no system clock). */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const millisecond = ((epochMs % 1000) + 1000) % 1000;
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second, millisecond };
}

function wallClockAsUtcMs(clock: WallClock): number {
  const ms = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second, clock.millisecond);
  // Date.UTC maps years 0..99 to 1900..1999; correct that so every year is literal.
  if (clock.year >= 0 && clock.year < 100) return new Date(ms).setUTCFullYear(clock.year);
  return ms;
}

function offsetMsAt(epochMs: number, timeZone: string): number {
  return wallClockAsUtcMs(wallClockAt(epochMs, timeZone)) - epochMs;
}

/** The instant when the zone's clocks show `clock`; a time skipped by a DST jump resolves to the later offset. */
export function instantOfWallClock(clock: WallClock, timeZone: string): number {
  const asUtc = wallClockAsUtcMs(clock);
  const firstGuess = asUtc - offsetMsAt(asUtc, timeZone);
  const secondOffset = offsetMsAt(firstGuess, timeZone);
  return asUtc - secondOffset;
}

export function parseInstant(text: string): number {
  const epochMs = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(epochMs)) {
    throw new Error(`"${text}" is not an ISO 8601 instant such as 2024-01-31T09:00:00Z`);
  }
  return epochMs;
}

export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
