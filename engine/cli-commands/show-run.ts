import { describeTenantRun } from '../runs/describe-run';
import type { CliCommand } from './cli-command';
import { tenantBySlug, withDatabase, withTemporal } from './command-resources';
import { formatRunReport } from './format-run';
import { requiredFlag } from './parse-command-args';

export const showRunCommand: CliCommand = {
  name: 'show',
  summary: 'show a run: status, current step(s), what each waits for, variables',
  usage: '<workflow-id> --tenant <slug> [--json]',
  positionals: ['workflow-id'],
  options: { tenant: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const tenant = requiredFlag(args, 'tenant', showRunCommand);
    return withDatabase(io.env, async (knex) => {
      const scope = await tenantBySlug(knex, tenant);
      const report = await withTemporal(io.env, ({ client }) => describeTenantRun(scope, client, args.positionals[0]));
      if (args.values.json) io.out(JSON.stringify(report, null, 2));
      else formatRunReport(report).forEach((line) => io.out(line));
      return 0;
    });
  },
};
