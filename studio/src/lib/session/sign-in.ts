/**
 * The sign-in form's rules, apart from the page: what is sent, what is checked before sending, where to go after,
 * and every refusal of the API turned into words a person can act on (the API's own details name JSON fields).
 */
import { ApiError } from '../api/api-client';

export type SecondFactor = 'code' | 'recovery';

export interface SignInForm {
  email: string;
  password: string;
  /** The workspace (company slug); only needed when the email belongs to users of several workspaces. */
  company: string;
  /** Which second factor is being typed, once the API asked for one. */
  factor?: SecondFactor;
  code: string;
  recoveryCode: string;
}

export interface SignInBody {
  email: string;
  password: string;
  company?: string;
  code?: string;
  recovery_code?: string;
}

export function signInBody(form: SignInForm): SignInBody {
  const body: SignInBody = { email: form.email.trim(), password: form.password };
  const company = form.company.trim().toLowerCase();
  if (company) body.company = company;
  if (form.factor === 'code') body.code = form.code.replace(/\s/g, '');
  if (form.factor === 'recovery') body.recovery_code = form.recoveryCode.trim();
  return body;
}

/** What is missing or malformed before anything is sent, in words; undefined when the form can be sent. */
export function signInFormProblem(form: SignInForm): string | undefined {
  if (!form.email.trim()) return 'Enter your email address.';
  if (!form.password) return 'Enter your password.';
  if (form.factor === 'code' && !/^[0-9]{6}$/.test(form.code.replace(/\s/g, ''))) return 'Enter the 6-digit code your authenticator app shows now.';
  if (form.factor === 'recovery' && !form.recoveryCode.trim()) return 'Enter one of your unused recovery codes.';
  return undefined;
}

export type SignInRefusal =
  | { kind: 'second-factor-required' }
  | { kind: 'message'; message: string; askWorkspace?: boolean };

const pad = (value: number) => String(value).padStart(2, '0');
const clock = (when: Date) => `${pad(when.getHours())}:${pad(when.getMinutes())}`;

/** "15 minutes", "1 minute", "40 seconds": how long a wait is, rounded up to what a person would wait. */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** The seconds a refusal asks to wait; the API says them in its detail (and in Retry-After, which fetch hides here). */
function secondsIn(detail: string): number | undefined {
  const match = /(\d+) seconds?/.exec(detail);
  return match ? Number(match[1]) : undefined;
}

export function describeSignInRefusal(error: unknown, now: Date = new Date()): SignInRefusal {
  if (!(error instanceof ApiError)) return { kind: 'message', message: 'Signing in failed unexpectedly. Try again.' };
  switch (error.code) {
    case 'two_factor_required':
      return { kind: 'second-factor-required' };
    case 'invalid_credentials':
      return { kind: 'message', message: 'Wrong email or password. If your email belongs to several workspaces, also enter the workspace.', askWorkspace: true };
    case 'invalid_second_factor':
      return { kind: 'message', message: 'That code is wrong: enter the code your authenticator shows now, or a recovery code you have not used yet.' };
    case 'account_locked': {
      const seconds = secondsIn(error.message) ?? 15 * 60;
      const until = new Date(now.getTime() + seconds * 1000);
      return { kind: 'message', message: `This account is locked after too many wrong passwords, until ${clock(until)} (in ${waitInWords(seconds)}). Try again then, or reset the password.` };
    }
    case 'rate_limited': {
      const seconds = secondsIn(error.message);
      return { kind: 'message', message: `Too many sign-in attempts from this network. Wait ${seconds ? waitInWords(seconds) : 'a minute'}, then try again.` };
    }
    case 'validation_failed':
      if (error.fieldErrors.some((field) => field.pointer === '#/email')) return { kind: 'message', message: 'That is not a valid email address.' };
      return { kind: 'message', message: error.message };
    default:
      return { kind: 'message', message: error.message };
  }
}

/** Where to go after signing in: the `next` hash the visitor was sent from, if it is a studio page, else the definitions. */
export function nextHashAfterSignIn(next: string | undefined): string {
  // Only a hash of this studio: never another site, and never back to the sign-in page itself.
  if (!next || !next.startsWith('#/') || next.startsWith('#/sign-in')) return '#/definitions';
  return next;
}
