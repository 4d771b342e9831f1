import { readFileSync } from 'node:fs';
import { generateDefinitionTypes, GENERATED_TYPES_PATH } from './generate-types';

describe('definitions/generated/definition.ts', () => {
  it('matches what the schema generates now; run `npx tsx definitions/generate-types.ts` if not', async () => {
    const committed = readFileSync(GENERATED_TYPES_PATH, 'utf8');
    expect(committed).toBe(await generateDefinitionTypes());
  });

  it('carries the generated, do not edit header', () => {
    expect(readFileSync(GENERATED_TYPES_PATH, 'utf8')).toMatch(/^\/\* eslint-disable \*\/\n\/\*\*\n \* Generated from .*, do not edit\./);
  });
});
