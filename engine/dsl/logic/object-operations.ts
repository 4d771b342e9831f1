/**
 * `object` builds a JSON object from key/value pairs, so that an action input which takes an object (an email
 * template's `data`, an HTTP body) can be assembled from run data in one rule:
 * `{"object": ["invoiceNumber", {"var": "input.invoiceId"}, "amountDue", {"var": "input.amountDue"}]}`.
 */

const KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function objectFromPairs(...pairs: unknown[]): Record<string, unknown> {
  if (pairs.length % 2 !== 0) throw new Error(`object takes key/value pairs, but got ${pairs.length} arguments (an odd number)`);
  const entries: Array<[string, unknown]> = [];
  for (let index = 0; index < pairs.length; index += 2) {
    const key = pairs[index];
    if (typeof key !== 'string' || !KEY.test(key)) throw new Error(`object keys are names of letters, digits and _ (not starting with a digit); argument ${index + 1} is ${JSON.stringify(key)}`);
    if (entries.some(([seen]) => seen === key)) throw new Error(`object names the key "${key}" twice`);
    entries.push([key, pairs[index + 1] === undefined ? null : pairs[index + 1]]);
  }
  return Object.fromEntries(entries);
}
