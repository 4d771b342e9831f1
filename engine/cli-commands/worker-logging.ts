import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

const LEVELS: LogLevel[] = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];

/**
 * The worker logs at WARN unless TEMPORAL_LOG_LEVEL says otherwise: at INFO it prints webpack's bundle report and a
 * line per poller, which buries the lines an operator needs. Must run before the first Temporal native connection.
 */
export function installWorkerLogging(env: NodeJS.ProcessEnv): void {
  const wanted = (env.TEMPORAL_LOG_LEVEL ?? 'WARN').toUpperCase() as LogLevel;
  Runtime.install({ logger: new DefaultLogger(LEVELS.includes(wanted) ? wanted : 'WARN') });
}
