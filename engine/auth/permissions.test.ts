import { coversGrants, grants, isGranted } from './permissions';

test('a grant matches itself, and * matches a whole segment or everything', () => {
  expect(grants('contacts.read', 'contacts.read')).toBe(true);
  expect(grants('contacts.*', 'contacts.write')).toBe(true);
  expect(grants('*.read', 'invoices.read')).toBe(true);
  expect(grants('*', 'api_keys.manage')).toBe(true);
  expect(grants('*.read', 'invoices.write')).toBe(false);
  expect(grants('contacts.*', 'deals.read')).toBe(false);
  expect(isGranted(['*.read', 'runs.start'], 'runs.signal')).toBe(false);
});

test('a role can be handed out only by a caller whose grants cover every grant of the role', () => {
  expect(coversGrants(['*'], ['*'])).toBe(true);
  expect(coversGrants(['*.read', '*.write'], ['*.read'])).toBe(true);
  expect(coversGrants(['*.read', '*.write'], ['*'])).toBe(false);
  expect(coversGrants(['contacts.read'], ['*.read'])).toBe(false);
  expect(coversGrants(['definitions.*'], ['definitions.publish'])).toBe(true);
});
