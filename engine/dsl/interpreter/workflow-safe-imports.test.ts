import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Follows the runtime (non-type) imports of a file through relative paths; returns every package it reaches. */
function packagesReachedFrom(entry: string): Set<string> {
  const packages = new Set<string>();
  const visited = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (visited.has(file)) continue;
    visited.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)) {
      const specifier = match[1];
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier.endsWith('.json') ? specifier : `${specifier}.ts`));
      else packages.add(specifier);
    }
  }
  return packages;
}

describe('the interpreter core can run inside a Temporal workflow', () => {
  it('interpreter.ts reaches no package but json-logic-js: no Node built-ins, no ajv', () => {
    expect([...packagesReachedFrom(join(__dirname, 'interpreter.ts'))]).toEqual(['json-logic-js']);
  });

  it('describe-run.ts, used by queries, reaches no package at all', () => {
    expect([...packagesReachedFrom(join(__dirname, 'describe-run.ts'))]).toEqual([]);
  });
});
