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

export interface FakePipPackage {
  executable: string;
  distribution: string;
  /** Shell body of the executable it installs; the default answers any call, `--version` included. */
  executableBody?: string;
}

/**
 * A stand-in for pip that parses `--target DIR REQUIREMENT`: for a requirement starting with a known key it
 * creates that package's executable and a `*-9.9.9.dist-info` folder under DIR, and fails like pip for any other.
 */
export function writeFakePip(filePath: string, packagesByRequirement: Record<string, FakePipPackage>): string {
  const branches = Object.entries(packagesByRequirement).map(([requirement, fake]) => {
    const executablePath = `"$target/${fake.executable}"`;
    const executableScript = `#!/bin/sh\n${fake.executableBody ?? 'echo fake'}\n`;
    return (
      `  ${requirement}*) mkdir -p "$(dirname ${executablePath})" "$target/${fake.distribution}-9.9.9.dist-info"; ` +
      `printf '${executableScript}' > ${executablePath}; chmod 755 ${executablePath};;`
    );
  });
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
