/** Variable writes go to declared variables, forEach item names do not shadow each other, and the input schema compiles. */
import Ajv2020 from 'ajv/dist/2020';
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { pointerJoin } from '../pointer';
import type { DefinitionError } from '../validation/definition-error';
import { collectStepLists } from './step-lists';

export function checkVariableWrites(definition: WorkflowDefinition): DefinitionError[] {
  const declared = new Set(Object.keys(definition.variables ?? {}));
  const undeclared = (name: string) => `"${name}" is not declared under variables; declare it with an initial value first`;
  const errors: DefinitionError[] = [];
  for (const list of collectStepLists(definition)) {
    for (const { step, pointer } of list.steps) {
      if ('resultVariable' in step && step.resultVariable && !declared.has(step.resultVariable)) {
        errors.push({ pointer: pointerJoin(pointer, 'resultVariable'), message: undeclared(step.resultVariable) });
      }
      if (step.type === 'set') {
        for (const name of Object.keys(step.assign)) if (!declared.has(name)) errors.push({ pointer: pointerJoin(pointer, 'assign', name), message: undeclared(name) });
      }
      if (step.type === 'forEach') {
        const names: Array<[string, string | undefined]> = [['itemVariable', step.itemVariable], ['indexVariable', step.indexVariable]];
        for (const [field, name] of names) {
          if (name && list.itemNames.includes(name)) errors.push({ pointer: pointerJoin(pointer, field), message: `"${name}" is already an item name of an enclosing forEach; pick another name` });
        }
        if (step.indexVariable && step.indexVariable === step.itemVariable) {
          errors.push({ pointer: pointerJoin(pointer, 'indexVariable'), message: 'must differ from itemVariable' });
        }
      }
    }
  }
  return errors;
}

export function checkInputSchema(definition: WorkflowDefinition): DefinitionError[] {
  if (!definition.inputSchema) return [];
  try {
    new Ajv2020({ strict: false, logger: false, validateFormats: false }).compile(definition.inputSchema);
    return [];
  } catch (error) {
    return [{ pointer: '/inputSchema', message: `is not a valid JSON Schema: ${(error as Error).message}` }];
  }
}
