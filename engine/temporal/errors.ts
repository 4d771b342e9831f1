/** Raised when a Temporal binary can be neither found nor installed; `attempts` lists every place and command tried. */
export class TemporalBinaryNotFoundError extends Error {
  override name = 'TemporalBinaryNotFoundError';

  constructor(
    readonly executableName: string,
    readonly attempts: string[],
  ) {
    super(`Could not find or install ${executableName}. Tried:\n${attempts.map((attempt) => `  - ${attempt}`).join('\n')}`);
  }
}

/** Raised when an env var names a binary that is not there: an explicit setting must not be silently ignored. */
export class TemporalBinaryEnvVarError extends Error {
  override name = 'TemporalBinaryEnvVarError';

  constructor(
    readonly envVar: string,
    readonly configuredPath: string,
  ) {
    super(`${envVar} is set to "${configuredPath}", which is not an executable file.`);
  }
}

/** Raised when `temporal server start-dev` exits early or never answers; carries the tail of its output. */
export class DevServerStartError extends Error {
  override name = 'DevServerStartError';

  constructor(
    message: string,
    readonly stderrTail: string,
    readonly stdoutTail: string,
  ) {
    super(`${message}${formatTail('stderr', stderrTail)}${formatTail('stdout', stdoutTail)}`);
  }
}

function formatTail(label: string, tail: string): string {
  return tail ? `\n--- ${label} tail ---\n${tail}` : `\n(no ${label} output)`;
}
