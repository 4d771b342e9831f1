import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

/** Project-local install folder for downloaded tools (gitignored); pip --target puts executables in its bin/. */
export const defaultToolsDir = path.join(repoRoot, '.ledgerflow', 'tools');

export function toolsBinDir(toolsDir: string): string {
  return path.join(toolsDir, 'bin');
}
