/** The "Start run" and "Send event" dialogs: JSON typed by a person, checked before it goes to the API. */

export type ParsedJsonObject = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/** An empty box is `{}`; anything else must be one JSON object (the API takes objects for input and payloads). */
export function parseJsonObject(text: string): ParsedJsonObject {
  if (text.trim() === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'Enter a JSON object, e.g. { "contractId": "…" }.' };
  return { ok: true, value: value as Record<string, unknown> };
}

/** Event names as the API accepts them: dotted lowercase words, e.g. payment.received. */
export function eventNameProblem(name: string): string | null {
  if (/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(name) && name.length <= 100) return null;
  return 'Use dotted lowercase words, e.g. invoice.disputed.';
}
