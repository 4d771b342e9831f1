import type { DefinitionDetail } from './definition-types';
import { defaultDiffPair, formatWhen, orderedPair, publishedByLabel, versionLabel, versionToEdit } from './version-labels';

const version = (n: number, status: 'draft' | 'published' | 'archived') => ({
  id: `v${n}`, version: n, status, published_at: null, archived_at: null, created_at: '2026-11-01T10:00:00Z', document: { key: 'k', version: n } as never,
});

describe('versionLabel', () => {
  it('reads the status and the number', () => {
    expect(versionLabel({ version: 2, status: 'published' })).toBe('published v2');
    expect(versionLabel({ version: 3, status: 'draft' })).toBe('draft v3');
    expect(versionLabel({ version: 1, status: 'archived' })).toBe('archived v1');
    expect(versionLabel(null)).toBe('no versions');
  });
});

describe('publishedByLabel', () => {
  it('names the publisher, the system for built-ins published at sign-up, and nobody for a draft', () => {
    expect(publishedByLabel({ status: 'published', published_by: 'u1', published_by_name: 'Ada Owner' })).toBe('Ada Owner');
    expect(publishedByLabel({ status: 'published', published_by: null, published_by_name: null })).toBe('the system');
    expect(publishedByLabel({ status: 'draft', published_by: null, published_by_name: null })).toBe('—');
  });
});

describe('formatWhen', () => {
  it('shows the day and time in the given zone, and a dash for nothing', () => {
    expect(formatWhen('2026-11-24T23:30:00Z', 'en-GB', 'UTC')).toBe('24 Nov 2026, 23:30');
    expect(formatWhen('2026-11-24T23:30:00Z', 'en-GB', 'Europe/Paris')).toBe('25 Nov 2026, 00:30');
    expect(formatWhen(null)).toBe('—');
    expect(formatWhen('not a date')).toBe('—');
  });
});

describe('versionToEdit', () => {
  it('opens the draft when there is one', () => {
    const detail = { versions: [version(1, 'published'), version(2, 'draft')] } as Pick<DefinitionDetail, 'versions'>;
    expect(versionToEdit(detail)?.version).toBe(2);
  });

  it('opens the newest version when there is no draft, and nothing when there are no versions', () => {
    expect(versionToEdit({ versions: [version(2, 'published'), version(1, 'archived')] })?.version).toBe(2);
    expect(versionToEdit({ versions: [] })).toBeNull();
  });
});

describe('diff pairs', () => {
  it('start on the newest version against the one before', () => {
    expect(defaultDiffPair([{ version: 3 }, { version: 1 }, { version: 2 }])).toEqual({ from: 2, to: 3 });
    expect(defaultDiffPair([{ version: 1 }])).toBeNull();
  });

  it('read from the older to the newer whichever was picked first', () => {
    expect(orderedPair(3, 1)).toEqual({ from: 1, to: 3 });
    expect(orderedPair(1, 2)).toEqual({ from: 1, to: 2 });
  });
});
