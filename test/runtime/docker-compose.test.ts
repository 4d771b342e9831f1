import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { COMMANDS } from '../../engine/cli-commands/commands';

interface ComposeService {
  build?: string;
  image?: string;
  command?: string[];
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(fs.readFileSync(path.join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const { ledgerflow, worker } = compose.services;

describe('docker-compose.yml', () => {
  it('parses as YAML with the database, Temporal, its UI, the API, the worker and a mail sink', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['ledgerflow', 'mail', 'postgres', 'temporal', 'temporal-ui', 'worker']);
  });

  it('runs the API and the worker from one image, each with a CLI command that exists', () => {
    expect([ledgerflow.image, worker.image]).toEqual(['ledgerflow:local', 'ledgerflow:local']);
    const names = COMMANDS.map((command) => command.name);
    expect([ledgerflow.command?.at(-1), worker.command?.at(-1)]).toEqual(['api', 'worker']);
    expect(names).toEqual(expect.arrayContaining(['api', 'worker']));
  });

  it('points both at the compose Temporal server and the same database and task queue', () => {
    for (const service of [ledgerflow, worker]) {
      expect(service.environment).toMatchObject({
        TEMPORAL_ADDRESS: 'temporal:7233',
        TEMPORAL_NAMESPACE: 'default',
        LEDGERFLOW_TASK_QUEUE: 'ledgerflow',
        DATABASE_URL: 'postgres://ledgerflow:ledgerflow@postgres:5432/ledgerflow',
      });
    }
  });

  it('starts the worker only after the API is healthy, i.e. has migrated the database', () => {
    expect(worker.depends_on?.ledgerflow).toEqual({ condition: 'service_healthy' });
  });
});
