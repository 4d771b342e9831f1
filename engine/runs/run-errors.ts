import { DataError } from '../db/errors/tenant-errors';

/** The input given to a run does not fit the definition's input schema. */
export class RunInputError extends DataError {
  constructor(readonly problems: { pointer: string; message: string }[]) {
    super(`The run input is invalid: ${problems.map((p) => `${p.pointer || '/'} ${p.message}`).join('; ')}`, 422, 'run_input_invalid', { problems });
  }
}

export class RunNotFoundError extends DataError {
  constructor(workflowId: string) {
    super(`No run ${workflowId} in this tenant`, 404, 'run_not_found', { workflowId });
  }
}
