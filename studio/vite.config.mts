/** Builds the studio into studio/dist. The engine's pure modules (engine/dsl, definitions/) are bundled as they are. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

const studioRoot = import.meta.dirname;
const repositoryRoot = join(studioRoot, '..');
const CATALOGUE_MODULE = 'virtual:action-catalogue';

/** The engine's action catalogue, printed at build time by a Node script, since the actions themselves use the database. */
function actionCatalogue(): Plugin {
  return {
    name: 'ledgerflow-action-catalogue',
    resolveId: { filter: { id: /^virtual:action-catalogue$/ }, handler: () => `\0${CATALOGUE_MODULE}` },
    load: {
      filter: { id: /^\0virtual:action-catalogue$/ },
      handler() {
        const printed = execFileSync(join(repositoryRoot, 'node_modules', '.bin', 'tsx'), [join(studioRoot, 'scripts', 'print-action-catalogue.ts')], { cwd: repositoryRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
        return `export default ${printed};`;
      },
    },
  };
}

export default defineConfig({
  root: studioRoot,
  base: './',
  plugins: [svelte(), actionCatalogue()],
  server: { fs: { allow: [repositoryRoot] } },
  // Printing the catalogue takes a Node start; that is expected, not a slow plugin worth a warning.
  build: { outDir: join(studioRoot, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 2000, rolldownOptions: { checks: { pluginTimings: false } } },
});
