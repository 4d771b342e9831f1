import fs from 'node:fs';
import { CliFailure } from './cli-command';

/** Parses JSON given on the command line, naming the flag when it is not JSON. */
export function parseJsonArgument(text: string, flag: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliFailure(`${flag} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads and parses a JSON file, with one clear line for a missing file or broken JSON. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliFailure(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliFailure(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}
