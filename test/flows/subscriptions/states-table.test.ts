import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SUBSCRIPTION_STATUSES, SUBSCRIPTION_TRANSITIONS } from '../../../engine/billing/subscriptions';

const page = readFileSync(path.join(__dirname, '../../../definitions/subscription-states.md'), 'utf8');

/** The rows of the markdown table under `heading`, as cells. */
function tableUnder(heading: string): string[][] {
  const section = page.split(`## ${heading}\n`)[1].split('\n## ')[0];
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !line.startsWith('| ---'))
    .slice(1)
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

const status = (cell: string) => /^`([a-z_]+)`$/.exec(cell)?.[1];

test('the documented transitions between states are exactly those the code allows', () => {
  const documented = tableUnder('Transitions').filter(([from]) => status(from)).map(([from, to]) => `${status(from)} → ${status(to)}`);
  expect(documented.sort()).toEqual(SUBSCRIPTION_TRANSITIONS.map((t) => `${t.from} → ${t.to}`).sort());
});

test('the states table lists every status of the subscriptions table', () => {
  expect(tableUnder('States').map(([cell]) => status(cell)).sort()).toEqual([...SUBSCRIPTION_STATUSES].sort());
});
