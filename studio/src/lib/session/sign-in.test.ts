import { ApiError } from '../api/api-client';
import { describeSignInRefusal, nextHashAfterSignIn, signInBody, signInFormProblem, waitInWords, type SignInForm } from './sign-in';

const form = (changes: Partial<SignInForm> = {}): SignInForm => ({ email: ' owner@acme.test ', password: 'ledgerflow-demo', company: '', code: '', recoveryCode: '', ...changes });

describe('signInBody', () => {
  it('sends the trimmed email and the password as typed, and no workspace or factor when none is given', () => {
    expect(signInBody(form({ password: ' spaced ' }))).toEqual({ email: 'owner@acme.test', password: ' spaced ' });
  });

  it('sends the workspace slug in lower case when one is typed', () => {
    expect(signInBody(form({ company: ' Acme ' }))).toEqual({ email: 'owner@acme.test', password: 'ledgerflow-demo', company: 'acme' });
  });

  it('sends the authenticator code without spaces once the code is asked for', () => {
    expect(signInBody(form({ factor: 'code', code: '123 456', recoveryCode: 'ignored' }))).toMatchObject({ code: '123456' });
    expect(signInBody(form({ factor: 'code', code: '123456' }))).not.toHaveProperty('recovery_code');
  });

  it('sends a recovery code instead of the code when the person chose one', () => {
    const body = signInBody(form({ factor: 'recovery', code: '123456', recoveryCode: ' 9f2c4e1a7b3d5e60 ' }));
    expect(body).toMatchObject({ recovery_code: '9f2c4e1a7b3d5e60' });
    expect(body).not.toHaveProperty('code');
  });
});

describe('signInFormProblem', () => {
  it.each([
    [{ email: '  ' }, 'Enter your email address.'],
    [{ password: '' }, 'Enter your password.'],
    [{ factor: 'code' as const, code: '12345' }, 'Enter the 6-digit code your authenticator app shows now.'],
    [{ factor: 'code' as const, code: '12345a' }, 'Enter the 6-digit code your authenticator app shows now.'],
    [{ factor: 'recovery' as const, recoveryCode: ' ' }, 'Enter one of your unused recovery codes.'],
  ])('refuses %j before sending: %s', (changes, words) => {
    expect(signInFormProblem(form(changes))).toBe(words);
  });

  it('lets a complete form through', () => {
    expect(signInFormProblem(form({ factor: 'code', code: '012 345' }))).toBeUndefined();
  });
});

describe('describeSignInRefusal', () => {
  const refusal = (status: number, code: string, detail: string, fieldErrors = [] as ApiError['fieldErrors']) => new ApiError(status, code, detail, fieldErrors);

  it('asks for the second factor when the API says a two-factor code is required', () => {
    expect(describeSignInRefusal(refusal(401, 'two_factor_required', 'Send the authenticator code as `code`'))).toEqual({ kind: 'second-factor-required' });
  });

  it('says a wrong password in words, without the API field names, and offers the workspace field', () => {
    expect(describeSignInRefusal(refusal(401, 'invalid_credentials', 'Wrong email or password (… also send `company`)'))).toEqual({
      kind: 'message',
      message: 'Wrong email or password. If your email belongs to several workspaces, also enter the workspace.',
      askWorkspace: true,
    });
  });

  it('says a locked account is locked until the clock time the wait ends, and how long that is', () => {
    const now = new Date(2026, 10, 24, 23, 26, 10);
    const described = describeSignInRefusal(refusal(429, 'account_locked', 'Too many wrong passwords: try again in 900 seconds, or reset the password'), now);
    expect(described).toEqual({ kind: 'message', message: 'This account is locked after too many wrong passwords, until 23:41 (in 15 minutes). Try again then, or reset the password.' });
  });

  it('says how long to wait when the address is rate limited', () => {
    expect(describeSignInRefusal(refusal(429, 'rate_limited', 'Too many attempts from this address; wait 42 seconds'))).toEqual({
      kind: 'message',
      message: 'Too many sign-in attempts from this network. Wait 42 seconds, then try again.',
    });
  });

  it('says a wrong second factor in words', () => {
    expect(describeSignInRefusal(refusal(401, 'invalid_second_factor', 'The authenticator code is wrong'))).toMatchObject({ message: expect.stringMatching(/^That code is wrong/) });
  });

  it('names a malformed email instead of the schema message', () => {
    expect(describeSignInRefusal(refusal(400, 'validation_failed', 'The request is not valid', [{ pointer: '#/email', message: 'must match format "email"' }]))).toEqual({
      kind: 'message',
      message: 'That is not a valid email address.',
    });
  });

  it('passes on the words of any other API error, such as an unreachable API', () => {
    expect(describeSignInRefusal(refusal(0, 'network_error', 'The API could not be reached.'))).toEqual({ kind: 'message', message: 'The API could not be reached.' });
  });
});

describe('waitInWords', () => {
  it.each([[1, '1 second'], [59, '59 seconds'], [60, '1 minute'], [61, '2 minutes'], [900, '15 minutes']])('%i seconds read as %s', (seconds, words) => {
    expect(waitInWords(seconds)).toBe(words);
  });
});

describe('nextHashAfterSignIn', () => {
  it('goes back to the studio page the visitor was sent from', () => {
    expect(nextHashAfterSignIn('#/runs?status=running')).toBe('#/runs?status=running');
  });

  it.each([undefined, '', 'https://elsewhere.example/#/runs', '//elsewhere.example', '#/sign-in?next=%23%2Fruns', 'javascript:alert(1)'])('goes to the definitions instead of %p', (next) => {
    expect(nextHashAfterSignIn(next)).toBe('#/definitions');
  });
});
