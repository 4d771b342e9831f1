/** One line under a step's id on the graph: what the step does, in the author's own values. */
import type { StepType } from './graph-types';

export function stepSummary(type: StepType, fields: Record<string, unknown>): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  switch (type) {
    case 'action': return text(fields.action);
    case 'wait': return fields.duration ? `for ${text(fields.duration)}` : `until ${text((fields.until as { date?: unknown } | undefined)?.date)}`;
    case 'waitForEvent': return `${text(fields.event)}${fields.timeout ? `, at most ${text(fields.timeout)}` : ''}`;
    case 'choice': {
      const count = (fields.when as unknown[] | undefined)?.length ?? 0;
      return `${count} ${count === 1 ? 'condition' : 'conditions'}`;
    }
    case 'set': return Object.keys((fields.assign as object | undefined) ?? {}).join(', ') || 'nothing yet';
    case 'forEach': return `each of ${text(fields.items)}`;
    case 'parallel': return `join ${text(fields.join)}`;
    case 'subflow': return text(fields.definition);
    case 'approval': return text(fields.title);
    case 'succeed': return 'ends the run';
    case 'fail': return text((fields.error as { kind?: unknown } | undefined)?.kind);
  }
}
