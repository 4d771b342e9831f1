import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ledgerflow-${prefix}-`));
}

/** Writes an executable shell script and returns its path. */
export function writeScript(filePath: string, body: string): string {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  fs.writeFileSync(filePath, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return filePath;
}

/**
 * A stand-in for pip that parses `--target DIR REQUIREMENT`: for a requirement starting with a known key it
 * creates the given executable and a `*-9.9.9.dist-info` folder under DIR, and fails like pip for any other.
 */
export function writeFakePip(filePath: string, executablesByRequirement: Record<string, { executable: string; distribution: string }>): string {
  const branches = Object.entries(executablesByRequirement).map(
    ([requirement, { executable, distribution }]) =>
      `  ${requirement}*) mkdir -p "$(dirname "$target/${executable}")" "$target/${distribution}-9.9.9.dist-info"; ` +
      `printf '#!/bin/sh\\necho fake\\n' > "$target/${executable}"; chmod 755 "$target/${executable}";;`,
  );
  return writeScript(
    filePath,
    [
      'target=""; requirement=""',
      'while [ $# -gt 0 ]; do case "$1" in --target) target="$2"; shift 2;; *) requirement="$1"; shift;; esac; done',
      'case "$requirement" in',
      ...branches,
      '  *) echo "ERROR: No matching distribution found for $requirement" >&2; exit 1;;',
      'esac',
    ].join('\n'),
  );
}
