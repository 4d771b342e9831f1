import { randomBytes } from 'node:crypto';
import { createSecretBox } from './secret-box';

const box = createSecretBox(randomBytes(32));

test('a sealed secret opens to the same plaintext and does not contain it', () => {
  const sealed = box.seal('whsec_live_abc123');
  expect(sealed).not.toContain('whsec_live_abc123');
  expect(box.open(sealed)).toBe('whsec_live_abc123');
});

test('sealing the same secret twice gives different ciphertexts', () => {
  expect(box.seal('same')).not.toBe(box.seal('same'));
});

test('a tampered ciphertext is refused', () => {
  const sealed = box.seal('secret');
  const raw = Buffer.from(sealed.slice(3), 'base64');
  raw[raw.length - 1] ^= 1;
  expect(() => box.open(`v1:${raw.toString('base64')}`)).toThrow();
});

test('a ciphertext sealed with another key is refused', () => {
  expect(() => createSecretBox(randomBytes(32)).open(box.seal('secret'))).toThrow();
});
