import { randomUUID } from 'node:crypto';
import { findTenantRun } from '../runs/find-run';
import { eventSignal } from '../../workflows/run-messages';
import type { CliCommand } from './cli-command';
import { tenantBySlug, withDatabase, withTemporal } from './command-resources';
import { parseJsonArgument } from './json-input';
import { optionalFlag, requiredFlag } from './parse-command-args';

export const sendEventCommand: CliCommand = {
  name: 'event',
  summary: 'send a named event to a run (the run deduplicates by event id)',
  usage: "<event-name> --tenant <slug> --run <workflow-id> [--payload '<json>'] [--event-id <id>]",
  positionals: ['event-name'],
  options: { tenant: { type: 'string' }, run: { type: 'string' }, payload: { type: 'string' }, 'event-id': { type: 'string' } },
  async run(args, io) {
    const tenant = requiredFlag(args, 'tenant', sendEventCommand);
    const workflowId = requiredFlag(args, 'run', sendEventCommand);
    const payloadText = optionalFlag(args, 'payload');
    const payload = payloadText === undefined ? {} : parseJsonArgument(payloadText, '--payload');
    // Repeating a command with the same --event-id delivers the event once, however often it is sent.
    const eventId = optionalFlag(args, 'event-id') ?? randomUUID();
    const name = args.positionals[0];
    return withDatabase(io.env, async (knex) => {
      const run = await findTenantRun(await tenantBySlug(knex, tenant), workflowId);
      await withTemporal(io.env, ({ client }) => client.workflow.getHandle(run.workflowId).signal(eventSignal, { name, payload, eventId }));
      io.out(`sent ${name} to ${run.workflowId} (event id ${eventId})`);
      return 0;
    });
  },
};
