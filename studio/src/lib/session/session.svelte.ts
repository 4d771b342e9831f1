/**
 * Who is signed in. Loaded once from /api/auth/me; pages read `session.me` and ask `can()` before offering an action
 * the API would refuse anyway (the API stays the authority: a hidden button is a courtesy, not a check).
 */
import { api, onSessionLost, ApiError } from '../api/api-client';
import { isGranted } from '../../../../engine/auth/permissions';

export interface Me {
  kind: 'session' | 'api_key';
  user: { id: string; email: string; name?: string | null; display_name?: string | null } | null;
  company: { id: string; name: string; slug?: string } | null;
  permissions: string[];
  /** The caller's role keys (none for an API key): the tasks inbox asks for tasks assigned to them. */
  roles?: string[];
}

class SessionState {
  me = $state<Me | null>(null);
  /** 'unknown' until the first /me answer, so the shell can show a loading state instead of flashing sign-in. */
  status = $state<'unknown' | 'signed-in' | 'signed-out'>('unknown');
  error = $state<string | null>(null);

  async load(): Promise<void> {
    try {
      this.me = await api.get<Me>('/api/auth/me');
      this.status = 'signed-in';
      this.error = null;
    } catch (error) {
      this.me = null;
      this.status = 'signed-out';
      // A 401 is the normal signed-out answer; anything else (API down) is worth saying.
      this.error = error instanceof ApiError && error.status === 401 ? null : (error as Error).message;
    }
  }

  async signOut(): Promise<void> {
    try {
      await api.post('/api/auth/sign-out');
    } catch {
      // A session the server already ended (revoked, expired) answers 401; the browser is signed out either way.
    }
    this.ended();
  }

  /** Forgets the session in this browser once the server no longer has it (signed out, or revoked on the account page). */
  ended(): void {
    const forget = () => {
      this.me = null;
      this.status = 'signed-out';
    };
    if (location.hash.startsWith('#/sign-in')) return forget();
    // Forget only once the shell has followed the hash to sign-in: forgetting first would make it send the person to
    // sign in with `next` set to the page they just left, as if their session had run out there.
    window.addEventListener('hashchange', forget, { once: true });
    location.hash = '#/sign-in';
  }

  /**
   * The server no longer knows this session (it expired, or was revoked from another device) while a page was in use:
   * forget it, and the shell sends the person to sign in with `next` set to the page they were on.
   */
  lost(): void {
    if (this.status !== 'signed-in') return;
    this.me = null;
    this.status = 'signed-out';
  }

  /** Reads wildcard grants (`*`, `runs.*`) the way the API does, so an owner is offered every action. */
  can(permission: string): boolean {
    return isGranted(this.me?.permissions ?? [], permission);
  }
}

export const session = new SessionState();
onSessionLost(() => session.lost());
