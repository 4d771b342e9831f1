import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { studioBuildReason } from '../../engine/runtime/studio-build';
import { studioUrlOf } from '../../engine/runtime/studio-url';

let root: string;
const at = (path: string, when: Date) => utimesSync(join(root, path), when, when);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lf-studio-build-'));
  mkdirSync(join(root, 'studio', 'src', 'routes'), { recursive: true });
  writeFileSync(join(root, 'studio', 'src', 'routes', 'page.svelte'), '<main></main>');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function build(when: Date) {
  mkdirSync(join(root, 'studio', 'dist'), { recursive: true });
  writeFileSync(join(root, 'studio', 'dist', 'index.html'), '<!doctype html>');
  at('studio/dist/index.html', when);
}

test('a checkout without studio/dist needs a build because dist is missing', () => {
  expect(studioBuildReason(root)).toBe('studio/dist is missing');
});

test('a build older than a file deep in studio/src needs a rebuild, naming studio/src', () => {
  build(new Date('2026-11-20T10:00:00Z'));
  at('studio/src/routes/page.svelte', new Date('2026-11-21T10:00:00Z'));
  at('studio/src/routes', new Date('2026-11-19T10:00:00Z'));
  at('studio/src', new Date('2026-11-19T10:00:00Z'));
  expect(studioBuildReason(root)).toBe('studio/src changed since the last build');
});

test('a build newer than every source needs nothing', () => {
  for (const path of ['studio/src/routes/page.svelte', 'studio/src/routes', 'studio/src']) at(path, new Date('2026-11-19T10:00:00Z'));
  build(new Date('2026-11-20T10:00:00Z'));
  expect(studioBuildReason(root)).toBeUndefined();
});

test.each([
  ['http://127.0.0.1:3000', 'http://localhost:3000/'],
  ['http://0.0.0.0:8080', 'http://localhost:8080/'],
  ['http://studio.example.test:3000', 'http://studio.example.test:3000/'],
])('the Studio URL of an API at %s is %s', (api, studio) => {
  expect(studioUrlOf(api)).toBe(studio);
});
