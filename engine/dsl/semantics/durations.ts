/**
 * Durations beyond their syntax: timeouts and retry intervals need a fixed length (no months or years) and must
 * be longer than zero, a retry's maximumInterval cannot be below its initialInterval, and a wait must last.
 */
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { pointerJoin } from '../pointer';
import { fixedDurationMs, hasCalendarMonths, isZeroDuration, parseIsoDuration } from '../time/iso-duration';
import type { DefinitionError } from '../validation/definition-error';
import { allSteps } from './step-lists';

function fixedLengthProblem(text: string | undefined, what: string): string | null {
  if (text === undefined) return null;
  const duration = parseIsoDuration(text);
  if (!duration) return `"${text}" is not an ISO 8601 duration such as P1D, PT2H30M or P1M`;
  if (hasCalendarMonths(duration)) return `${what} must have a fixed length: use weeks, days, hours, minutes or seconds, not months or years`;
  if (isZeroDuration(duration)) return `${what} must be longer than zero`;
  return null;
}

export function checkDurations(definition: WorkflowDefinition): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const check = (pointer: string, text: string | undefined, what: string) => {
    const problem = fixedLengthProblem(text, what);
    if (problem) errors.push({ pointer, message: problem });
  };
  definition.triggers.forEach((trigger, index) => {
    if (trigger.type === 'schedule') check(pointerJoin('', 'triggers', index, 'catchupWindow'), trigger.catchupWindow, 'a catch-up window');
  });
  for (const { step, pointer } of allSteps(definition)) {
    if ('timeout' in step) check(pointerJoin(pointer, 'timeout'), step.timeout, 'a timeout');
    if (step.type === 'wait' && step.duration !== undefined) {
      const duration = parseIsoDuration(step.duration);
      if (!duration) check(pointerJoin(pointer, 'duration'), step.duration, 'a wait');
      else if (isZeroDuration(duration)) errors.push({ pointer: pointerJoin(pointer, 'duration'), message: 'a wait must be longer than zero' });
    }
    if (step.type === 'action' && step.retry) {
      const retryPointer = pointerJoin(pointer, 'retry');
      check(pointerJoin(retryPointer, 'initialInterval'), step.retry.initialInterval, 'a retry interval');
      check(pointerJoin(retryPointer, 'maximumInterval'), step.retry.maximumInterval, 'a retry interval');
      const initial = parseIsoDuration(step.retry.initialInterval ?? 'PT1S');
      const maximum = step.retry.maximumInterval === undefined ? null : parseIsoDuration(step.retry.maximumInterval);
      if (initial && maximum && !hasCalendarMonths(initial) && !hasCalendarMonths(maximum) && fixedDurationMs(maximum) < fixedDurationMs(initial)) {
        errors.push({ pointer: pointerJoin(retryPointer, 'maximumInterval'), message: `must not be shorter than initialInterval (${step.retry.initialInterval ?? 'PT1S'})` });
      }
    }
  }
  return errors;
}
