/**
 * Whether the signed-in caller holds a permission, reading wildcard grants (`*`, `runs.*`, `*.write`) the way the
 * API does (engine/auth/permissions). `session.can` compares exact strings, so an owner (`*`) would be offered
 * nothing; the runs, tasks and data pages ask here until the session does the same.
 */
import { isGranted } from '../../../../engine/auth/permissions';
import { session } from '../session/session.svelte';

export function mayDo(permission: string): boolean {
  return isGranted(session.me?.permissions ?? [], permission);
}
