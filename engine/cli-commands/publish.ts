import type { WorkflowDefinition } from '../../definitions/generated/definition';
import { definitionStore } from '../definition-store/definition-store';
import { validateDefinitionSchema } from '../dsl/validation/schema-validator';
import type { CliCommand } from './cli-command';
import { syncSchedules } from '../schedules';
import { coreActionCatalogue, tenantBySlug, withDatabase, withTemporal } from './command-resources';
import { formatDefinitionErrors } from './format-errors';
import { readJsonFile } from './json-input';
import { requiredFlag } from './parse-command-args';

export const publishCommand: CliCommand = {
  name: 'publish',
  summary: "save a definition file as the tenant's draft and publish it; prints the version",
  usage: '<file.json> --tenant <slug>',
  positionals: ['file.json'],
  options: { tenant: { type: 'string' } },
  async run(args, io) {
    const tenant = requiredFlag(args, 'tenant', publishCommand);
    const document = readJsonFile(args.positionals[0]);
    // A document without the schema's shape would not even have a key to save a draft under.
    const schemaErrors = validateDefinitionSchema(document);
    if (schemaErrors.length > 0) {
      formatDefinitionErrors(schemaErrors).forEach((line) => io.out(line));
      return 1;
    }
    return withDatabase(io.env, async (knex) => {
      const scope = await tenantBySlug(knex, tenant);
      const store = definitionStore(scope, coreActionCatalogue());
      const definition = document as WorkflowDefinition;
      await store.saveDraft(definition);
      const published = await store.publish(definition.key);
      io.out(`published ${published.key} version ${published.version}`);
      // Schedule triggers become Temporal Schedules pinned to the new version (and earlier ones are retired).
      const versions = await store.versions(definition.key);
      if (versions.some((v) => (v.document as unknown as WorkflowDefinition).triggers?.some((t) => t.type === 'schedule'))) {
        const synced = await withTemporal(io.env, ({ client }, endpoint) => syncSchedules(scope, store, client, endpoint.taskQueue, definition.key, { searchAttributes: true }));
        synced.upserted.forEach((id) => io.out(`schedule ${id} starts version ${published.version}`));
        synced.deleted.forEach((id) => io.out(`schedule ${id} removed`));
      }
      return 0;
    });
  },
};
