import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const GENERATED_TYPES_PATH = join(__dirname, 'generated', 'definition.ts');

// The generator formats with prettier, which needs dynamic import; jest's VM lacks it, so run it as a child process.
function generateNow(): string {
  const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  return execFileSync(tsx, [join(__dirname, 'generate-types.ts'), '--print'], { encoding: 'utf8' });
}

describe('definitions/generated/definition.ts', () => {
  it('matches what the schema generates now; run `npx tsx definitions/generate-types.ts` if not', () => {
    expect(readFileSync(GENERATED_TYPES_PATH, 'utf8')).toBe(generateNow());
  });

  it('carries the generated, do not edit header', () => {
    expect(readFileSync(GENERATED_TYPES_PATH, 'utf8')).toMatch(/^\/\* eslint-disable \*\/\n\/\*\*\n \* Generated from .*, do not edit\./);
  });
});
