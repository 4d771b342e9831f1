import { base32Decode, base32Encode, matchedTotpStep, otpauthUri, totpAt, totpMatches, totpStepAt } from './totp';

// RFC 6238 appendix B, SHA-1 rows: the key is the ASCII "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

test.each([
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
])('RFC 6238 vector at T=%i is %s', (seconds, code) => {
  expect(totpAt(RFC_SECRET, seconds, 8)).toBe(code);
});

test('base32 round-trips bytes of every length', () => {
  for (let length = 0; length < 25; length += 1) {
    const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 37 + 11) % 256));
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  }
  expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
});

test('a code is accepted in its own 30 s step and one either side, not two away', () => {
  const now = 1_800_000_015_000;
  const code = totpAt(RFC_SECRET, now / 1000);
  expect(totpMatches(RFC_SECRET, code, now)).toBe(true);
  expect(totpMatches(RFC_SECRET, code, now + 30_000)).toBe(true);
  expect(totpMatches(RFC_SECRET, code, now - 30_000)).toBe(true);
  expect(totpMatches(RFC_SECRET, code, now + 60_000)).toBe(false);
  expect(totpMatches(RFC_SECRET, '12345', now)).toBe(false);
});

test('the otpauth URI names issuer, account and parameters the way authenticator apps read them', () => {
  expect(otpauthUri('Ledgerflow', 'ana@acme.test', 'ABC')).toBe('otpauth://totp/Ledgerflow:ana%40acme.test?secret=ABC&issuer=Ledgerflow&algorithm=SHA1&digits=6&period=30');
});

test('the matched step is the 30 s counter of the code given, whichever neighbouring step the server is in', () => {
  const now = 1_800_000_015_000;
  const step = Math.floor(now / 30_000);
  const code = totpAt(RFC_SECRET, now / 1000);
  expect(totpStepAt(now)).toBe(60_000_000);
  expect(matchedTotpStep(RFC_SECRET, code, now)).toBe(step);
  expect(matchedTotpStep(RFC_SECRET, code, now + 30_000)).toBe(step);
  expect(matchedTotpStep(RFC_SECRET, code, now - 30_000)).toBe(step);
  expect(matchedTotpStep(RFC_SECRET, totpAt(RFC_SECRET, now / 1000 + 30), now)).toBe(step + 1);
  expect(matchedTotpStep(RFC_SECRET, code, now + 60_000)).toBeNull();
  expect(matchedTotpStep(RFC_SECRET, 'abcdef', now)).toBeNull();
});
