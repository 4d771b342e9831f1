/**
 * Keeps studio/dist in step with its sources: `npm start` and the browser tests build the studio only when the build
 * is missing or older than what it is built from, and one build at a time (a build empties dist first, so a second
 * build or a server reading dist meanwhile would see it half-written).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const REPOSITORY_ROOT = resolve(__dirname, '..', '..');
export const STUDIO_DIST = join(REPOSITORY_ROOT, 'studio', 'dist');

/** What the bundle is made of: the studio's own sources and the engine's pure modules it bundles. */
const SOURCES = ['studio/src', 'studio/index.html', 'studio/vite.config.mts', 'studio/scripts', 'engine/dsl', 'definitions'];
// Under node_modules, which git ignores, so a build in progress never shows up as a change.
const LOCK = join(REPOSITORY_ROOT, 'node_modules', '.cache', 'ledgerflow-studio-build.lock');
// A build takes well under this; an older lock is left over from a killed process.
const STALE_LOCK_MS = 5 * 60_000;

function newestModification(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestModification(join(path, name))), stats.mtimeMs);
}

/** Why the studio needs building, or undefined when dist is current. */
export function studioBuildReason(root = REPOSITORY_ROOT): string | undefined {
  const index = join(root, 'studio', 'dist', 'index.html');
  if (!existsSync(index)) return 'studio/dist is missing';
  const built = statSync(index).mtimeMs;
  const changed = SOURCES.find((source) => newestModification(join(root, source)) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}

async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(dirname(LOCK), { recursive: true });
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = statSync(LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else if (held) await new Promise((resolveWait) => setTimeout(resolveWait, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Vite is ESM-only and jest loads CommonJS, so the build runs in a child Node process. */
export async function buildStudio(): Promise<void> {
  await promisify(execFile)(process.execPath, [join(REPOSITORY_ROOT, 'studio', 'scripts', 'build-studio.mjs')], { cwd: REPOSITORY_ROOT, maxBuffer: 16 * 1024 * 1024 });
}

/** Builds the studio if it is missing or stale (logging why); answers whether it built. */
export async function ensureStudioBuilt(log: (line: string) => void = () => undefined): Promise<boolean> {
  if (!studioBuildReason()) return false;
  return withBuildLock(async () => {
    // Another process may have built it while this one waited for the lock.
    const reason = studioBuildReason();
    if (!reason) return false;
    log(`building the studio (${reason})…`);
    await buildStudio();
    return true;
  });
}
