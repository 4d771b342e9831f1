import { groupedSecret, recoveryCodesDownload } from './two-factor';

test('the secret reads in groups of four for typing into an authenticator by hand', () => {
  expect(groupedSecret('JBSWY3DPEHPK3PXPJBSWY3DPEH')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EH');
  expect(groupedSecret('JBSWY3DP')).toBe('JBSW Y3DP');
});

test('the recovery codes download is a text file naming the account and holding every code on its own line', () => {
  const url = recoveryCodesDownload(['9f2c4e1a7b3d5e60', '0a1b2c3d4e5f6071'], 'owner@acme.test');
  expect(url.startsWith('data:text/plain;charset=utf-8,')).toBe(true);
  const text = decodeURIComponent(url.slice('data:text/plain;charset=utf-8,'.length));
  expect(text.split('\n')).toEqual([
    'Ledgerflow recovery codes for owner@acme.test',
    'Each code signs you in once, instead of the authenticator code.',
    '',
    '9f2c4e1a7b3d5e60',
    '0a1b2c3d4e5f6071',
    '',
  ]);
});
