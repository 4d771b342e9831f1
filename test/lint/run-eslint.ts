import { execFile } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

export interface LintMessage {
  filePath: string;
  line: number;
  ruleId: string | null;
  message: string;
  severity: number;
}

// ESLint loads eslint.config.mjs with import(), which jest's VM does not allow, so it runs in a child Node.
const SCRIPT = `
import { ESLint } from 'eslint';
const request = JSON.parse(process.argv[1]);
const probe = request.text === undefined ? [] : [{
  files: [request.filePath],
  // The probe exists only in memory, so the type checker gets it through the default project.
  languageOptions: { parserOptions: { projectService: { allowDefaultProject: [request.filePath], defaultProject: 'tsconfig.json' } } },
}];
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: probe });
const results = request.text === undefined ? await eslint.lintFiles(request.patterns) : await eslint.lintText(request.text, { filePath: request.filePath });
console.log(JSON.stringify(results.flatMap((r) => r.messages.map((m) => ({ filePath: r.filePath, line: m.line, ruleId: m.ruleId, message: m.message, severity: m.severity })))));
`;

function runEslint(request: { patterns?: string[]; text?: string; filePath?: string }): Promise<LintMessage[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', SCRIPT, JSON.stringify(request)], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`eslint failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as LintMessage[]);
    });
  });
}

/** Lints files on disk with the project's config; returns every message. */
export const lintFiles = (patterns: string[]) => runEslint({ patterns });

/** Lints source that exists only in memory, as if it were the file at filePath (relative to the repo). */
export const lintText = (text: string, filePath: string) => runEslint({ text, filePath });
