import { validateDefinition } from '../dsl/validation/validate-definition';
import type { CliCommand } from './cli-command';
import { coreActionCatalogue } from './command-resources';
import { formatDefinitionErrors } from './format-errors';
import { readJsonFile } from './json-input';

/** Checks a definition file offline: the schema and the semantic checks (subflow keys need the database, so publish checks those). */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check a definition file; prints each problem as `pointer: message`',
  usage: '<file.json>',
  positionals: ['file.json'],
  async run({ positionals: [file] }, io) {
    const result = validateDefinition(readJsonFile(file), { actions: coreActionCatalogue() });
    if (!result.ok) {
      formatDefinitionErrors(result.errors).forEach((line) => io.out(line));
      io.err(`${file}: ${result.errors.length} problem(s)`);
      return 1;
    }
    io.out(`${file}: valid (definition ${result.definition.key})`);
    return 0;
  },
};
