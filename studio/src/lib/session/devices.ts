/**
 * A user's signed-in sessions as the account page shows them: which browser on which system, from where, since when,
 * and which one is this browser. The API keeps the raw user agent; people recognise "Firefox on Windows".
 */

export interface OwnSession {
  id: string;
  user_agent: string | null;
  ip_address: string | null;
  created_at: string;
  last_seen_at: string | null;
  expires_at: string;
  current: boolean;
}

// Order matters: Edge and Chrome both say "Chrome", Chrome and Safari both say "Safari".
const BROWSERS: Array<[RegExp, string]> = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/HeadlessChrome\//, 'Headless Chrome'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/^curl\//, 'curl'],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux|X11/, 'Linux'],
];

export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? 'Unknown device';
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-11-24 23:26" in the browser's time zone: dates to the day, times to the minute. */
export function formatInstant(iso: string | null): string {
  if (!iso) return '—';
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return '—';
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} ${pad(when.getHours())}:${pad(when.getMinutes())}`;
}

/** This browser's session first, then the others, most recently seen first. */
export function orderSessions(sessions: OwnSession[]): OwnSession[] {
  const seen = (session: OwnSession) => session.last_seen_at ?? session.created_at;
  return [...sessions].sort((a, b) => Number(b.current) - Number(a.current) || seen(b).localeCompare(seen(a)));
}
