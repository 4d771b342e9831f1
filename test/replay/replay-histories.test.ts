import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { installQuietWorkerRuntime } from '../temporal/quiet-worker-runtime';

installQuietWorkerRuntime();
const HISTORIES = path.join(__dirname, 'histories');
const files = fs.readdirSync(HISTORIES).filter((file) => file.endsWith('.history.pb')).sort();
const workflowIds = JSON.parse(fs.readFileSync(path.join(HISTORIES, 'workflow-ids.json'), 'utf8')) as Record<string, string>;
const load = (file: string) => temporal.api.history.v1.History.decode(fs.readFileSync(path.join(HISTORIES, file)));

test('recorded histories cover every step type, errors, children, approvals and continue-as-new', () => {
  expect(files.length).toBeGreaterThanOrEqual(6);
});

test.each(files)('the current workflow code replays %s without a determinism error', async (file) => {
  const codePath = process.env.LEDGERFLOW_WORKFLOW_BUNDLE as string;
  await expect(Worker.runReplayHistory({ workflowBundle: { codePath }, replayName: file }, load(file), workflowIds[file])).resolves.toBeUndefined();
});

test('replay catches a workflow change that would break running runs', async () => {
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./fixtures/diverging-workflow'), logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } });
  const codePath = path.join(os.tmpdir(), `ledgerflow-diverging-${process.pid}.js`);
  fs.writeFileSync(codePath, code);
  try {
    const file = files.find((name) => name.startsWith('reminder-with-email')) as string;
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath }, replayName: file }, load(file), workflowIds[file])).rejects.toThrow(/[Nn]ondeterminism/);
  } finally {
    fs.rmSync(codePath, { force: true });
  }
}, 60_000);
