/** An error's message; duck-typed, because errors from Node internals fail `instanceof Error` under jest's VM. */
export function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}
