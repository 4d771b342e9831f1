/** The input an action received does not fit its schema: retrying cannot help. */
export class ActionInputError extends Error {
  constructor(
    readonly action: string,
    readonly problems: string[],
  ) {
    super(`${action} received invalid input: ${problems.join('; ')}`);
    this.name = 'ActionInputError';
  }
}

/** A definition names an action that no core module or connector provides. */
export class UnknownActionError extends Error {
  constructor(readonly action: string) {
    super(`No action named "${action}" is installed`);
    this.name = 'UnknownActionError';
  }
}

/**
 * A remote system refused or failed: `retryable` says whether trying again may succeed (timeouts, 5xx, 429)
 * or not (4xx other than 429), so the activity can tell Temporal.
 */
export class ConnectorApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'ConnectorApiError';
  }
}
