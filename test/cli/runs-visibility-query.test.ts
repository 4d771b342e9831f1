import { ListRunsFilterError, runsVisibilityQuery } from '../../engine/runs/list-runs';

const tenant = '6f1c2b7e-3d7a-4a59-9a9e-0c1d2e3f4a5b';

describe('the visibility query behind `runs`', () => {
  it('always filters on the tenant and leaves out continued-as-new generations', () => {
    expect(runsVisibilityQuery(tenant)).toBe(`LedgerflowTenant = "${tenant}" AND ExecutionStatus != "ContinuedAsNew"`);
  });

  it('adds the definition and status filters after the tenant', () => {
    expect(runsVisibilityQuery(tenant, { definitionKey: 'dunning-ladder', status: 'timed-out' })).toBe(
      `LedgerflowTenant = "${tenant}" AND LedgerflowDefinition = "dunning-ladder" AND ExecutionStatus = "TimedOut"`,
    );
  });

  it('refuses a definition key that would close the quotes and widen the query', () => {
    expect(() => runsVisibilityQuery(tenant, { definitionKey: 'x" OR LedgerflowTenant != "' })).toThrow(ListRunsFilterError);
  });

  it('refuses a tenant that is not a uuid', () => {
    expect(() => runsVisibilityQuery('" OR 1=1 OR "')).toThrow(ListRunsFilterError);
  });
});
