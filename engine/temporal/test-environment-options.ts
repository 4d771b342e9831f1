import type { LocalTestWorkflowEnvironmentOptions, TimeSkippingTestWorkflowEnvironmentOptions } from '@temporalio/testing';

/**
 * Options for TestWorkflowEnvironment.createTimeSkipping() that run our located test server, because
 * the SDK's default would download one at run time, which this network does not allow.
 */
export function timeSkippingEnvironmentOptions(
  testServerPath: string,
  overrides: TimeSkippingTestWorkflowEnvironmentOptions = {},
): TimeSkippingTestWorkflowEnvironmentOptions {
  return { ...overrides, server: { ...overrides.server, executable: { type: 'existing-path', path: testServerPath } } };
}

/** Options for TestWorkflowEnvironment.createLocal() that run our located CLI on loopback, for the same reason. */
export function localEnvironmentOptions(
  cliPath: string,
  overrides: LocalTestWorkflowEnvironmentOptions = {},
): LocalTestWorkflowEnvironmentOptions {
  return { ...overrides, server: { ip: '127.0.0.1', ...overrides.server, executable: { type: 'existing-path', path: cliPath } } };
}
