import path from 'node:path';

/** The value types `temporal server start-dev --search-attribute Name=Type` accepts. */
export type DevServerSearchAttributeType = 'Text' | 'Keyword' | 'Int' | 'Double' | 'Bool' | 'Datetime' | 'KeywordList';

export interface DevServerArgsInput {
  dbFilename: string;
  ip: string;
  port: number;
  uiPort?: number;
  headless: boolean;
  namespace: string;
  searchAttributes: Record<string, DevServerSearchAttributeType>;
}

export const devServerDbFileName = 'temporal.sqlite';

export function devServerDbPath(dataDir: string): string {
  return path.join(dataDir, devServerDbFileName);
}

/** Builds the argv after the `temporal` executable. */
export function devServerArgs(input: DevServerArgsInput): string[] {
  const args = ['server', 'start-dev', '--db-filename', input.dbFilename, '--ip', input.ip, '--port', String(input.port)];
  if (input.headless) args.push('--headless');
  else if (input.uiPort !== undefined) args.push('--ui-port', String(input.uiPort));
  // "default" always exists; naming it again would be redundant.
  if (input.namespace !== 'default') args.push('--namespace', input.namespace);
  for (const [name, type] of Object.entries(input.searchAttributes)) args.push('--search-attribute', `${name}=${type}`);
  return args;
}
