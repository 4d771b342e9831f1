import { href, parseRoute } from './studio-routes';

describe('studio routes', () => {
  it('reads the page and its id from the hash', () => {
    expect(parseRoute('#/runs/lf-abc')).toEqual({ page: 'run', params: { id: 'lf-abc' }, query: {} });
    expect(parseRoute('#/definitions/7f0e/versions')).toEqual({ page: 'versions', params: { id: '7f0e' }, query: {} });
    expect(parseRoute('#/definitions/new').page).toBe('new-definition');
    expect(parseRoute('#/definitions/7f0e').page).toBe('editor');
  });

  it('keeps the query of the hash, so list filters survive a reload', () => {
    expect(parseRoute('#/runs?status=running&definition=dunning')).toEqual({ page: 'runs', params: {}, query: { status: 'running', definition: 'dunning' } });
  });

  it('sends an empty or unknown hash to the definitions list', () => {
    expect(parseRoute('').page).toBe('definitions');
    expect(parseRoute('#/no/such/page').page).toBe('definitions');
  });

  it('decodes encoded ids and tolerates a malformed escape', () => {
    expect(parseRoute('#/runs/a%2Fb').params.id).toBe('a/b');
    expect(parseRoute('#/runs/%E0%A4%A').params.id).toBe('%E0%A4%A');
  });

  it('builds hashes that parse back to the same page, dropping empty query values', () => {
    const hash = href('/runs', { status: 'waiting', entity: '' });
    expect(hash).toBe('#/runs?status=waiting');
    expect(parseRoute(hash)).toEqual({ page: 'runs', params: {}, query: { status: 'waiting' } });
  });
});
