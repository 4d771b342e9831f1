import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureTemporalCli } from '../../engine/temporal/ensure-binaries';
import { localEnvironmentOptions } from '../../engine/temporal/test-environment-options';

describe('TestWorkflowEnvironment.createLocal with our located CLI', () => {
  it('starts a dev server on 127.0.0.1 that answers for the default namespace', async () => {
    const cli = await ensureTemporalCli();
    const testEnv = await TestWorkflowEnvironment.createLocal(localEnvironmentOptions(cli.path));
    try {
      expect(testEnv.address).toMatch(/^127\.0\.0\.1:\d+$/);
      const { namespaceInfo } = await testEnv.connection.workflowService.describeNamespace({ namespace: 'default' });
      expect(namespaceInfo?.name).toBe('default');
    } finally {
      await testEnv.teardown();
    }
  });
});
