/** Schedule triggers: a five-field cron whose fields are in range, and a real IANA time zone. */
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { pointerJoin } from '../pointer';
import { isValidTimeZone } from '../time/time-zone';
import type { DefinitionError } from '../validation/definition-error';

const CRON_FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
];

function cronFieldValid(text: string, min: number, max: number): boolean {
  return text.split(',').every((part) => {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) return false;
    const [, , from, to, step] = match;
    const inRange = (value: string | undefined) => value === undefined || (Number(value) >= min && Number(value) <= max);
    return inRange(from) && inRange(to) && (to === undefined || Number(from) <= Number(to)) && (step === undefined || Number(step) >= 1);
  });
}

export function cronProblem(cron: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return `must have five fields (minute hour day-of-month month day-of-week), not ${fields.length}`;
  const bad = CRON_FIELDS.find((field, index) => !cronFieldValid(fields[index], field.min, field.max));
  return bad ? `has an invalid ${bad.name} field "${fields[CRON_FIELDS.indexOf(bad)]}" (allowed ${bad.min}-${bad.max}, *, ranges, lists and /steps)` : null;
}

export function checkTriggers(definition: WorkflowDefinition): DefinitionError[] {
  return definition.triggers.flatMap((trigger, index) => {
    if (trigger.type !== 'schedule') return [];
    const pointer = pointerJoin('', 'triggers', index);
    const errors: DefinitionError[] = [];
    const cron = cronProblem(trigger.cron);
    if (cron) errors.push({ pointer: pointerJoin(pointer, 'cron'), message: cron });
    if (!isValidTimeZone(trigger.timeZone)) errors.push({ pointer: pointerJoin(pointer, 'timeZone'), message: `"${trigger.timeZone}" is not an IANA time zone such as Europe/Paris` });
    return errors;
  });
}
