/**
 * Whether the signed-in caller holds a permission, read the way the API reads grants: roles hold patterns (`*`,
 * `definitions.*`, `*.read`), so an exact match of the permission's name would hide actions an owner may take.
 */
import { isGranted } from '../../../../engine/auth/permissions';
import { session } from '../session/session.svelte';

export function may(permission: string): boolean {
  return isGranted(session.me?.permissions ?? [], permission);
}
