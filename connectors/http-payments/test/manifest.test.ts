import { CORE_ACTIONS } from '../../../activities/core-actions';
import { httpPaymentsManifest } from '../manifest';

test('every action of every http-payments version is in the core catalogue exactly once, named slug@version.verb', () => {
  const names = CORE_ACTIONS.map((action) => action.name);
  const declared = Object.entries(httpPaymentsManifest.versions).flatMap(([version, actions]) => Object.keys(actions).map((verb) => `http-payments@${version}.${verb}`));
  expect(declared).toEqual(['http-payments@1.charge']);
  for (const name of declared) expect(names.filter((registered) => registered === name)).toHaveLength(1);
});
