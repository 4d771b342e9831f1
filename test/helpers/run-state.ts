import type { WorkflowHandle } from '@temporalio/client';
import { stateQuery } from '../../workflows/run-messages';
import { eventually } from './eventually';

/** The run's state once it has started and stopped to wait (a run first records itself, then takes its first steps). */
export function untilRunWaits(handle: WorkflowHandle) {
  return eventually(() => handle.query(stateQuery), (state) => state.status === 'waiting' && state.positions.every((p) => p.waitingFor !== null));
}
