/** JSON Pointer (RFC 6901) building, so every error can name where it is. */

function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerJoin(base: string, ...segments: Array<string | number>): string {
  return base + segments.map((segment) => `/${escapeSegment(segment)}`).join('');
}
