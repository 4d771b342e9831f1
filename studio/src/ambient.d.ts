/** Svelte components imported from TypeScript; the Svelte compiler checks their props. */
declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component<Record<string, unknown>>;
  export default component;
}

/** The engine's action catalogue, printed at build time (see vite.config.ts). */
declare module 'virtual:action-catalogue' {
  const catalogue: Array<import('./lib/validation/catalogue-entries').CatalogueEntry>;
  export default catalogue;
}
