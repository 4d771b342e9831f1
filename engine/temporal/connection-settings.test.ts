import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { temporalSettingsFrom } from './connection-settings';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-tls-'));
const cert = path.join(dir, 'client.crt');
const key = path.join(dir, 'client.key');
fs.writeFileSync(cert, 'CERT');
fs.writeFileSync(key, 'KEY');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('with no settings Ledgerflow runs its own dev server: no address, namespace default, task queue ledgerflow', () => {
  expect(temporalSettingsFrom({})).toEqual({ namespace: 'default', taskQueue: 'ledgerflow' });
});

test('TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE point at an existing cluster', () => {
  expect(temporalSettingsFrom({ TEMPORAL_ADDRESS: 'temporal.prod:7233', TEMPORAL_NAMESPACE: 'billing' })).toMatchObject({ address: 'temporal.prod:7233', namespace: 'billing' });
});

test('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY enable mutual TLS with the files they name', () => {
  const settings = temporalSettingsFrom({ TEMPORAL_ADDRESS: 'ns.tmprl.cloud:7233', TEMPORAL_TLS_CERT: cert, TEMPORAL_TLS_KEY: key, TEMPORAL_TLS_SERVER_NAME: 'ns.tmprl.cloud' });
  expect(settings.tls).toEqual({ clientCertPair: { crt: Buffer.from('CERT'), key: Buffer.from('KEY') }, serverNameOverride: 'ns.tmprl.cloud' });
});

test('a certificate without its key is refused with a message naming both variables', () => {
  expect(() => temporalSettingsFrom({ TEMPORAL_TLS_CERT: cert })).toThrow('Set both TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY');
});

test('TEMPORAL_API_KEY turns on API-key auth over TLS, as Temporal Cloud requires', () => {
  expect(temporalSettingsFrom({ TEMPORAL_ADDRESS: 'eu.aws.api.temporal.io:7233', TEMPORAL_API_KEY: 'secret' })).toMatchObject({ apiKey: 'secret', tls: true });
});
