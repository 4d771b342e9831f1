import { definitionStore } from '../definition-store/definition-store';
import { startRun } from '../runs/start-run';
import type { EntityRef } from '../../workflows/run-contract';
import { UsageError, type CliCommand, type CommandArgs } from './cli-command';
import { coreActionCatalogue, tenantBySlug, withDatabase, withTemporal } from './command-resources';
import { parseJsonArgument, readJsonFile } from './json-input';
import { optionalFlag, requiredFlag } from './parse-command-args';

export const startRunCommand: CliCommand = {
  name: 'start',
  summary: "start a run of a published definition; prints the run's workflow id",
  usage: "<definition-key> --tenant <slug> [--input '<json>' | --input-file <file.json>] [--entity <type>:<id>] [--version <n>]",
  positionals: ['definition-key'],
  options: { tenant: { type: 'string' }, input: { type: 'string' }, 'input-file': { type: 'string' }, entity: { type: 'string' }, version: { type: 'string' } },
  async run(args, io) {
    const tenant = requiredFlag(args, 'tenant', startRunCommand);
    const input = runInput(args);
    const entity = entityRef(optionalFlag(args, 'entity'));
    const version = definitionVersion(optionalFlag(args, 'version'));
    return withDatabase(io.env, async (knex) => {
      const scope = await tenantBySlug(knex, tenant);
      const store = definitionStore(scope, coreActionCatalogue());
      const started = await withTemporal(io.env, ({ client }, endpoint) =>
        startRun(scope, store, { client, taskQueue: endpoint.taskQueue, searchAttributes: true }, {
          definitionKey: args.positionals[0], input, trigger: 'manual', ...(entity ? { entity } : {}), ...(version ? { version } : {}),
        }),
      );
      if (!started.created) io.err(`this entity already has a run of ${args.positionals[0]}; no new run was started`);
      io.out(started.workflowId);
      return 0;
    });
  },
};

function runInput(args: CommandArgs): unknown {
  const inline = optionalFlag(args, 'input');
  const file = optionalFlag(args, 'input-file');
  if (inline !== undefined && file !== undefined) throw new UsageError('give --input or --input-file, not both', startRunCommand);
  if (inline !== undefined) return parseJsonArgument(inline, '--input');
  if (file !== undefined) return readJsonFile(file);
  return {};
}

function entityRef(text: string | undefined): EntityRef | undefined {
  if (text === undefined) return undefined;
  const match = /^([a-z][a-z0-9_]*):(\S+)$/.exec(text);
  if (!match) throw new UsageError(`--entity must look like <type>:<id>, e.g. invoice:8a1c…, not "${text}"`, startRunCommand);
  return { type: match[1], id: match[2] };
}

function definitionVersion(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const version = Number(text);
  if (!Number.isInteger(version) || version < 1) throw new UsageError(`--version must be a positive whole number, not "${text}"`, startRunCommand);
  return version;
}
