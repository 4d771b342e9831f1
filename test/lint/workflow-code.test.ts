import { lintFiles, lintText, type LintMessage } from './run-eslint';

const RULE = 'ledgerflow/deterministic-imports';

/** A workflow file with one import of each kind; the line numbers are what the tests below check. */
const PROBE = [
  "import fs from 'node:fs';", // 1: Node built-in
  "import { createActivities } from '../activities/create-activities';", // 2: side effects
  "import knex from 'knex';", // 3: a database client
  "import { validateDefinition } from '../engine/dsl/validation/validate-definition';", // 4: dsl, but ajv-backed
  "import { proxyActivities, sleep } from '@temporalio/workflow';", // 5: allowed
  "import type { RunActivities } from './run-contract';", // 6: allowed, type only
  "import type { Knex } from 'knex';", // 7: allowed, type only
  "import { createInterpreter } from '../engine/dsl/interpreter/interpreter';", // 8: allowed, pure
  "import { fixedDurationMs } from '../engine/dsl/time/iso-duration';", // 9: allowed, pure
  'export async function probe(): Promise<void> {',
  '  sleep(1000);', // 11: floating promise
  '  await sleep(1000);',
  '  void [fs, createActivities, knex, validateDefinition, proxyActivities, createInterpreter, fixedDurationMs];',
  '  const typed: [RunActivities?, Knex?] = [];',
  '  void typed;',
  '}',
  '',
].join('\n');

describe('the lint rules for workflow code', () => {
  let onDisk: LintMessage[];
  let probe: LintMessage[];

  beforeAll(async () => {
    [onDisk, probe] = await Promise.all([lintFiles(['workflows', 'engine/dsl']), lintText(PROBE, 'workflows/lint-probe.ts')]);
  }, 120_000);

  const linesReportedBy = (ruleId: string) => probe.filter((m) => m.ruleId === ruleId).map((m) => m.line);

  it('finds no errors in workflows/ and the pure engine/dsl modules', () => {
    expect(onDisk.filter((m) => m.severity === 2)).toEqual([]);
  });

  it('reports a Node built-in, activities/, knex and an ajv-backed dsl module imported for real', () => {
    expect(linesReportedBy(RULE)).toEqual([1, 2, 3, 4]);
  });

  it('names the forbidden module and what is allowed instead', () => {
    expect(probe.find((m) => m.line === 2)?.message).toMatch(/'\.\.\/activities\/create-activities' cannot be imported.*@temporalio\/workflow.*import type/);
  });

  it('reports a promise that is neither awaited nor voided', () => {
    expect(linesReportedBy('@typescript-eslint/no-floating-promises')).toEqual([11]);
  });

  it('reports nothing else: type-only imports, @temporalio/workflow and pure modules pass', () => {
    expect(probe.filter((m) => m.ruleId !== RULE && m.ruleId !== '@typescript-eslint/no-floating-promises')).toEqual([]);
  });
});
