/**
 * The API names a definition's problems by pointers into the request body (`#/definition/steps/2/duration`); the
 * editor draws them on the node and field they belong to, as it does its own checks.
 */
import type { LocatedError } from '../validation/error-locations';
import { locatePointer } from '../validation/error-locations';

export interface ServerProblem {
  pointer: string;
  message: string;
}

/** `#/definition/steps/2/duration` → `/steps/2/duration`; `#/definition` → `/`. */
export function definitionPointer(apiPointer: string): string {
  const inside = apiPointer.replace(/^#/, '').replace(/^\/definition(?=\/|$)/, '');
  return inside === '' ? '/' : inside;
}

export function locateServerProblems(definition: unknown, problems: ServerProblem[]): LocatedError[] {
  return problems.map((problem) => {
    const pointer = definitionPointer(problem.pointer);
    return { pointer, message: problem.message, ...(pointer === '/' ? { nodeId: null, field: '' } : locatePointer(definition, pointer)) };
  });
}

/** Problems found by the server that the studio's own checks did not (e.g. a subflow naming a key the tenant lacks). */
export function onlyNew(server: LocatedError[], client: LocatedError[]): LocatedError[] {
  const seen = new Set(client.map((error) => `${error.pointer} ${error.message}`));
  return server.filter((error) => !seen.has(`${error.pointer} ${error.message}`));
}
