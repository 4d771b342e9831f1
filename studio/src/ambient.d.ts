/** Svelte components imported from TypeScript; the Svelte compiler checks their props. */
declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component<Record<string, unknown>>;
  export default component;
}
