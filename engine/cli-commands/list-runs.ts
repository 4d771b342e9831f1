import { listRuns, RUN_STATUS_FILTERS, type RunStatusFilter } from '../runs/list-runs';
import { UsageError, type CliCommand } from './cli-command';
import { tenantBySlug, withDatabase, withTemporal } from './command-resources';
import { formatRunList } from './format-run';
import { optionalFlag, requiredFlag } from './parse-command-args';

export const listRunsCommand: CliCommand = {
  name: 'runs',
  summary: "list a tenant's runs through Temporal visibility, newest first",
  usage: `--tenant <slug> [--definition <key>] [--status ${Object.keys(RUN_STATUS_FILTERS).join('|')}] [--limit <n>] [--json]`,
  options: { tenant: { type: 'string' }, definition: { type: 'string' }, status: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const tenant = requiredFlag(args, 'tenant', listRunsCommand);
    const definitionKey = optionalFlag(args, 'definition');
    const status = optionalFlag(args, 'status');
    if (status !== undefined && !(status in RUN_STATUS_FILTERS)) throw new UsageError(`--status must be one of ${Object.keys(RUN_STATUS_FILTERS).join(', ')}, not "${status}"`, listRunsCommand);
    const limitText = optionalFlag(args, 'limit');
    const limit = limitText === undefined ? 100 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number, not "${limitText}"`, listRunsCommand);
    return withDatabase(io.env, async (knex) => {
      const { companyId } = await tenantBySlug(knex, tenant);
      const runs = await withTemporal(io.env, ({ client }) =>
        listRuns(client, companyId, { limit, ...(definitionKey ? { definitionKey } : {}), ...(status ? { status: status as RunStatusFilter } : {}) }),
      );
      if (args.values.json) io.out(JSON.stringify(runs, null, 2));
      else formatRunList(runs).forEach((line) => io.out(line));
      return 0;
    });
  },
};
