import { isPrivateAddress } from './public-address';

test.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', 'not-an-address'])(
  '%s is refused as a webhook destination',
  (address) => expect(isPrivateAddress(address)).toBe(true),
);

test.each(['93.184.215.14', '172.32.0.1', '8.8.8.8', '2606:4700::1111', '::ffff:93.184.215.14'])('%s is a public address', (address) => {
  expect(isPrivateAddress(address)).toBe(false);
});
