/** Every place a definition holds json-logic, with what that logic may read there. */
import type { Step, TransformMap, Trigger, WorkflowDefinition } from '../../../definitions/generated/definition';
import { pointerJoin } from '../pointer';
import { collectStepLists } from './step-lists';

export interface LogicSite {
  rule: unknown;
  pointer: string;
  /** Trigger logic runs before a run exists: it sees only event, now and today. */
  scope: 'trigger' | 'step';
  eventReadable: boolean;
  itemNames: string[];
}

function transformSites(map: TransformMap | undefined, pointer: string): Array<{ rule: unknown; pointer: string }> {
  return Object.entries(map ?? {}).flatMap(([name, transform]) =>
    transform.type === 'logic' ? [{ rule: transform.rule, pointer: pointerJoin(pointer, name, 'rule') }] : [],
  );
}

function triggerRules(trigger: Trigger, pointer: string): Array<{ rule: unknown; pointer: string }> {
  const rules: Array<{ rule: unknown; pointer: string }> = [];
  if (trigger.type === 'domainEvent') {
    if (trigger.filter !== undefined) rules.push({ rule: trigger.filter, pointer: pointerJoin(pointer, 'filter') });
    if (trigger.entity !== undefined) rules.push({ rule: trigger.entity, pointer: pointerJoin(pointer, 'entity') });
  }
  if ('input' in trigger) rules.push(...transformSites(trigger.input, pointerJoin(pointer, 'input')));
  return rules;
}

function stepRules(step: Step, pointer: string): Array<{ rule: unknown; pointer: string; eventReadable?: boolean }> {
  const at = (field: string, rule: unknown) => (rule === undefined ? [] : [{ rule, pointer: pointerJoin(pointer, field) }]);
  switch (step.type) {
    case 'action':
    case 'subflow':
      return transformSites(step.input, pointerJoin(pointer, 'input'));
    case 'succeed':
      return transformSites(step.output, pointerJoin(pointer, 'output'));
    case 'approval':
      return transformSites(step.details, pointerJoin(pointer, 'details'));
    case 'wait':
      return step.until ? [{ rule: step.until.date, pointer: pointerJoin(pointer, 'until', 'date') }] : [];
    case 'waitForEvent':
      return at('match', step.match).map((site) => ({ ...site, eventReadable: true }));
    case 'choice':
      return step.when.map((branch, index) => ({ rule: branch.condition, pointer: pointerJoin(pointer, 'when', index, 'condition') }));
    case 'set':
      return Object.entries(step.assign).map(([name, rule]) => ({ rule, pointer: pointerJoin(pointer, 'assign', name) }));
    case 'forEach':
      return at('items', step.items);
    default:
      return [];
  }
}

export function collectLogicSites(definition: WorkflowDefinition): LogicSite[] {
  const sites: LogicSite[] = definition.triggers.flatMap((trigger, index) =>
    triggerRules(trigger, pointerJoin('', 'triggers', index)).map((site) => ({ ...site, scope: 'trigger' as const, eventReadable: true, itemNames: [] })),
  );
  for (const list of collectStepLists(definition)) {
    for (const { step, pointer } of list.steps) {
      for (const site of stepRules(step, pointer)) {
        // forEach.items is evaluated outside its own body, so it sees only the enclosing items.
        sites.push({ rule: site.rule, pointer: site.pointer, scope: 'step', eventReadable: site.eventReadable ?? false, itemNames: list.itemNames });
      }
    }
  }
  return sites;
}
