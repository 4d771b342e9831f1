/**
 * Writes definitions/generated/definition.ts from the hand-written schema: `npx tsx definitions/generate-types.ts`.
 * With --print it writes the source to stdout instead (the staleness test uses this).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import definitionSchema from './schema/definition.schema.json';

export const GENERATED_TYPES_PATH = join(__dirname, 'generated', 'definition.ts');

const BANNER = [
  '/* eslint-disable */',
  '/**',
  ' * Generated from definitions/schema/definition.schema.json, do not edit.',
  ' * Regenerate with: npx tsx definitions/generate-types.ts',
  ' */',
].join('\n');

export async function generateDefinitionTypes(): Promise<string> {
  return compile(definitionSchema as JSONSchema, 'WorkflowDefinition', {
    bannerComment: BANNER,
    additionalProperties: false,
    unreachableDefinitions: false,
    format: true,
    maxItems: -1,
    style: { singleQuote: true, printWidth: 120 },
  });
}

if (require.main === module) {
  generateDefinitionTypes().then((source) => {
    if (process.argv.includes('--print')) {
      process.stdout.write(source);
      return;
    }
    writeFileSync(GENERATED_TYPES_PATH, source);
    console.log(`wrote ${GENERATED_TYPES_PATH}`);
  }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
