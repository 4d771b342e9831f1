/// <reference types="vite/client" />
/** The templates as Vite bundles them at build time (kept apart from templates.ts, whose logic jest tests in Node). */
import { templatesFromModules } from './templates';

export const BUNDLED_TEMPLATES = templatesFromModules(import.meta.glob('../../../definitions/templates/*.json', { eager: true }));
