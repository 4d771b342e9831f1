// Builds the studio with Vite's JS API (Vite is ESM-only, so jest runs this in a child process).
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

await build({ configFile: fileURLToPath(new URL('../vite.config.mts', import.meta.url)), logLevel: 'warn' });
