/** json-logic in a definition: only known operations, custom operations with the right arguments, only declared variables. */
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { CUSTOM_OPERATIONS } from '../logic/custom-operations';
import { scanLogic } from '../logic/logic-scan';
import { ALLOWED_OPERATORS } from '../logic/operators';
import type { DefinitionError } from '../validation/definition-error';
import { collectLogicSites, type LogicSite } from './logic-sites';
import { allSteps, STEP_TYPES_WITH_ERROR, STEP_TYPES_WITH_RESULT } from './step-lists';

const NAMESPACES = 'input.<field>, vars.<name>, event.<field>, item.<name>, steps.<id>.result, steps.<id>.error, now or today';

interface KnownNames {
  variables: Set<string>;
  inputFields: Set<string> | null;
  stepTypes: Map<string, string>;
}

export function checkLogic(definition: WorkflowDefinition): DefinitionError[] {
  const inputProperties = definition.inputSchema?.properties;
  const known: KnownNames = {
    variables: new Set(Object.keys(definition.variables ?? {})),
    inputFields: inputProperties && typeof inputProperties === 'object' ? new Set(Object.keys(inputProperties)) : null,
    stepTypes: new Map(allSteps(definition).map(({ step }) => [step.id, step.type])),
  };
  return collectLogicSites(definition).flatMap((site) => checkSite(site, known));
}

function checkSite(site: LogicSite, known: KnownNames): DefinitionError[] {
  const scan = scanLogic(site.rule, site.pointer);
  const errors: DefinitionError[] = [];
  for (const use of scan.operators) {
    if (!ALLOWED_OPERATORS.has(use.operator)) {
      errors.push({ pointer: use.pointer, message: `"${use.operator}" is not a known operation; see definitions/README.md for the operations you can use` });
      continue;
    }
    const custom = CUSTOM_OPERATIONS[use.operator];
    if (custom && (use.argumentCount < custom.minArguments || use.argumentCount > custom.maxArguments)) {
      const expected = custom.minArguments === custom.maxArguments ? `${custom.minArguments}` : `at least ${custom.minArguments}`;
      errors.push({ pointer: use.pointer, message: `${use.operator} takes ${expected} arguments, not ${use.argumentCount}` });
    }
  }
  for (const read of scan.variables) {
    const problem = variableProblem(read.path, site, known);
    if (problem) errors.push({ pointer: read.pointer, message: problem });
  }
  return errors;
}

function variableProblem(path: string, site: LogicSite, known: KnownNames): string | null {
  const [namespace, name, field] = path.split('.');
  const onlyRunData = `"${path}" cannot be read here: logic in a trigger sees only event, now and today`;
  switch (namespace) {
    case 'now':
    case 'today':
      return name === undefined ? null : `"${path}" reads inside ${namespace}, which is a plain value`;
    case 'event':
      return site.eventReadable ? null : `"${path}" reads the event, which only a trigger or a waitForEvent match can see`;
    case 'input':
      if (site.scope === 'trigger') return onlyRunData;
      if (name !== undefined && known.inputFields && !known.inputFields.has(name)) {
        return `"${path}" reads input field "${name}", which the input schema does not declare (it declares ${[...known.inputFields].join(', ') || 'none'})`;
      }
      return null;
    case 'vars':
      if (site.scope === 'trigger') return onlyRunData;
      if (name === undefined) return `"${path}" must name a variable, as vars.<name>`;
      return known.variables.has(name) ? null : `"${path}" reads variable "${name}", which is not declared under variables`;
    case 'item':
      if (name !== undefined && site.itemNames.includes(name)) return null;
      return site.itemNames.length === 0
        ? `"${path}" reads a forEach item, but this logic is not inside a forEach body`
        : `"${path}" is not a forEach item here; the items here are ${site.itemNames.map((item) => `item.${item}`).join(', ')}`;
    case 'steps':
      if (site.scope === 'trigger') return onlyRunData;
      return stepReadProblem(path, name, field, known);
    default:
      return `"${path}" is not a variable: read values through ${NAMESPACES}`;
  }
}

function stepReadProblem(path: string, id: string | undefined, field: string | undefined, known: KnownNames): string | null {
  const type = id === undefined ? undefined : known.stepTypes.get(id);
  if (id === undefined || type === undefined) return `"${path}" reads step "${id ?? ''}", but there is no step with that id`;
  if (field === 'result' && STEP_TYPES_WITH_RESULT.has(type as never)) return null;
  if (field === 'error' && STEP_TYPES_WITH_ERROR.has(type as never)) return null;
  if (field === 'result' || field === 'error') return `"${path}": a ${type} step has no ${field}`;
  return `"${path}" must read steps.${id}.result or steps.${id}.error`;
}
