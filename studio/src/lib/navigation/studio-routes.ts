/**
 * The studio's pages, addressed by the URL hash (`#/runs/abc`) so that the API can serve the built studio as plain
 * files from one path and every link survives a reload. Pages register here; App.svelte draws whichever matches.
 */

export type PageName =
  | 'sign-in'
  | 'definitions'
  | 'new-definition'
  | 'editor'
  | 'versions'
  | 'runs'
  | 'run'
  | 'tasks'
  | 'data'
  | 'account';

export interface StudioRoute {
  page: PageName;
  /** Named segments of the path, e.g. { id } for `#/runs/:id`. */
  params: Record<string, string>;
  /** The hash's query, e.g. `#/runs?status=running`. */
  query: Record<string, string>;
}

interface Pattern {
  page: PageName;
  segments: string[];
}

// Order matters: the first pattern that matches wins.
const PATTERNS: Pattern[] = [
  ['sign-in', '/sign-in'],
  ['new-definition', '/definitions/new'],
  ['versions', '/definitions/:id/versions'],
  ['editor', '/definitions/:id'],
  ['editor', '/editor'],
  ['definitions', '/definitions'],
  ['run', '/runs/:id'],
  ['runs', '/runs'],
  ['tasks', '/tasks'],
  ['data', '/data/:view'],
  ['data', '/data'],
  ['account', '/account'],
].map(([page, path]) => ({ page: page as PageName, segments: path.split('/').filter(Boolean) }));

/** The page a hash names; an empty or unknown hash goes to the definitions list. */
export function parseRoute(hash: string): StudioRoute {
  const withoutMark = hash.replace(/^#/, '');
  const [pathPart, queryPart = ''] = withoutMark.split('?', 2);
  const segments = pathPart.split('/').filter(Boolean).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  const query = Object.fromEntries(new URLSearchParams(queryPart));
  for (const pattern of PATTERNS) {
    if (pattern.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.segments.every((expected, index) => {
      if (expected.startsWith(':')) {
        params[expected.slice(1)] = segments[index];
        return true;
      }
      return expected === segments[index];
    });
    if (matches) return { page: pattern.page, params, query };
  }
  return { page: 'definitions', params: {}, query };
}

/** A hash for a page: `href('run', { id })` → `#/runs/<id>`. Query values that are empty are left out. */
export function href(path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

/** Pages a visitor may see without a session. */
export const PUBLIC_PAGES: ReadonlySet<PageName> = new Set(['sign-in']);
