/** How versions read in the studio: "published v3", "draft v4", dates in the reader's words. */
import type { DefinitionDetail, VersionStatus, VersionSummary } from './definition-types';

const STATUS_WORDS: Record<VersionStatus, string> = { draft: 'draft', published: 'published', archived: 'archived' };

/** "published v2", "draft v3"; a definition with no version yet reads "no versions". */
export function versionLabel(version: Pick<VersionSummary, 'version' | 'status'> | null | undefined): string {
  if (!version) return 'no versions';
  return `${STATUS_WORDS[version.status] ?? version.status} v${version.version}`;
}

/** Who published a version, by name when the API knows it. */
export function publishedByLabel(version: Pick<VersionSummary, 'status' | 'published_by' | 'published_by_name'>): string {
  if (!version.published_by && !version.published_by_name) return version.status === 'draft' ? '—' : 'the system';
  return version.published_by_name ?? 'a removed user';
}

/** A timestamp as a short date and time in `timeZone` (the viewer's own by default); '—' when there is none. */
export function formatWhen(iso: string | null | undefined, locale = 'en-GB', timeZone?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(date);
}

/** The version the editor opens: the draft when there is one, else the newest version of any status. */
export function versionToEdit(detail: Pick<DefinitionDetail, 'versions'>): DefinitionDetail['versions'][number] | null {
  const draft = detail.versions.find((version) => version.status === 'draft');
  if (draft) return draft;
  return detail.versions.reduce<DefinitionDetail['versions'][number] | null>((newest, version) => (!newest || version.version > newest.version ? version : newest), null);
}

/** The pair a diff starts on: the newest version against the one before it (null with fewer than two). */
export function defaultDiffPair(versions: Array<Pick<VersionSummary, 'version'>>): { from: number; to: number } | null {
  const numbers = versions.map((version) => version.version).sort((a, b) => a - b);
  if (numbers.length < 2) return null;
  return { from: numbers[numbers.length - 2], to: numbers[numbers.length - 1] };
}

/** Orders a chosen pair so the diff reads from the older to the newer version. */
export function orderedPair(a: number, b: number): { from: number; to: number } {
  return a <= b ? { from: a, to: b } : { from: b, to: a };
}
