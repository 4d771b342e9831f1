import { describeDevice, formatInstant, orderSessions, type OwnSession } from './devices';

describe('describeDevice', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome on Linux'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge on Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15', 'Safari on macOS'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0', 'Firefox on Windows'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1', 'Safari on iOS'],
    ['Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome on Android'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', 'Headless Chrome on Linux'],
    ['curl/8.5.0', 'curl'],
    ['', 'Unknown device'],
    [null, 'Unknown device'],
  ])('reads %p as %s', (userAgent, words) => {
    expect(describeDevice(userAgent)).toBe(words);
  });
});

describe('formatInstant', () => {
  it('shows an instant as the local date and minute', () => {
    expect(formatInstant(new Date(2026, 10, 24, 9, 5, 59).toISOString())).toBe('2026-11-24 09:05');
  });

  it('shows a dash for a missing or malformed instant', () => {
    expect(formatInstant(null)).toBe('—');
    expect(formatInstant('yesterday')).toBe('—');
  });
});

describe('orderSessions', () => {
  const session = (id: string, lastSeen: string | null, current = false): OwnSession => ({
    id, user_agent: null, ip_address: null, created_at: '2026-11-01T00:00:00.000Z', last_seen_at: lastSeen, expires_at: '2026-12-01T00:00:00.000Z', current,
  });

  it('puts this browser first, then the others by when they were last seen, newest first', () => {
    const ordered = orderSessions([session('old', '2026-11-20T10:00:00.000Z'), session('this', '2026-11-02T10:00:00.000Z', true), session('never', null), session('new', '2026-11-24T10:00:00.000Z')]);
    expect(ordered.map((s) => s.id)).toEqual(['this', 'new', 'old', 'never']);
  });
});
