/**
 * Signing in to the studio served by the real API, in headless Chromium: refusals in words, the session kept across
 * a reload, the account page's sessions (a second browser signed in, then revoked), two-factor sign-in turned on
 * with a code computed by otplib from the shown secret and then asked for at sign-in, and signing out.
 */
import type { Page } from 'playwright-core';
import { otplibCode } from '../../test/api/helpers/otplib-code';
import { DEFAULT_DEMO_PASSWORD, type LiveStudio, useLiveStudioInThisFile } from './live-studio';

jest.setTimeout(60_000);

let studio: LiveStudio;
let page: Page;
const pageErrors: string[] = [];
let recoveryCodes: string[] = [];
let totpSecret = '';

useLiveStudioInThisFile(async (opened) => {
  studio = opened;
  page = opened.page;
}, pageErrors);

const hash = () => page.evaluate(() => location.hash);
const alert = () => page.getByRole('alert');
const signedInAs = (target: Page = page) => target.getByTestId('signed-in-as');

async function fillSignIn(email: string, password: string) {
  await page.getByRole('heading', { name: 'Sign in to the studio' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A six-digit code the authenticator does not show around now (so it is surely wrong). */
function wrongCode(secret: string): string {
  const now = Math.floor(Date.now() / 1000);
  const valid = new Set([-60, -30, 0, 30, 60].map((offset) => otplibCode(secret, now + offset)));
  return ['000000', '111111', '222222'].find((code) => !valid.has(code))!;
}

let lastUsedStep = 0;

/**
 * The authenticator code of the earliest 30 s step not used yet: the API accepts each step's code once (RFC 6238
 * §5.2) and takes one step either side of now, so a step two ahead is waited for, as a user waits for the app's next code.
 */
async function unusedCode(secret: string): Promise<string> {
  const step = Math.max(Math.floor(Date.now() / 30_000), lastUsedStep + 1);
  const waitMs = (step - 1) * 30_000 - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs + 250));
  lastUsedStep = step;
  return otplibCode(secret, step * 30);
}

describe('signing in to the studio', () => {
  it('sends a visitor to the sign-in page, and says a wrong password in words while offering the workspace field', async () => {
    await page.goto(`${studio.baseUrl}#/runs`);
    await page.waitForFunction(() => location.hash.startsWith('#/sign-in'));
    expect(await hash()).toBe(`#/sign-in?next=${encodeURIComponent('#/runs')}`);
    await fillSignIn('owner@acme.test', 'not the password');
    await alert().waitFor();
    expect(await alert().textContent()).toBe('Wrong email or password. If your email belongs to several workspaces, also enter the workspace.');
    expect(await page.getByLabel('Workspace').isVisible()).toBe(true);
    await studio.screenshot('sign-in');
  });

  it('signs in with the demo password into the page asked for, and the nav shows the company and the user', async () => {
    await page.getByLabel('Password').fill(DEFAULT_DEMO_PASSWORD);
    await page.getByLabel('Workspace').fill('acme');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await signedInAs().waitFor();
    expect(await hash()).toBe('#/runs');
    expect(await signedInAs().textContent()).toBe('Acme Installments · owner@acme.test');
  });

  it('keeps the session across a reload', async () => {
    await page.reload();
    await signedInAs().waitFor();
    expect(await hash()).toBe('#/runs');
    expect(await signedInAs().textContent()).toBe('Acme Installments · owner@acme.test');
  });

  it('lists this browser and a second signed-in browser on the account page, and revoking the second signs it out', async () => {
    const second = await studio.newPage();
    await studio.signIn('owner@acme.test', DEFAULT_DEMO_PASSWORD, { page: second });
    await page.getByRole('link', { name: 'Account' }).click();
    const rows = page.locator('.sessions-table tbody tr');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.first().locator('th').textContent()).toMatch(/^\s*Headless Chrome on Linux\s+This browser\s*$/);
    expect(await rows.nth(1).locator('td').first().textContent()).toBe('127.0.0.1');
    await studio.screenshot('account');

    await rows.nth(1).getByRole('button', { name: /^Revoke the session of Headless Chrome on Linux/ }).click();
    await page.getByRole('status').filter({ hasText: 'is signed out' }).waitFor();
    expect(await rows.count()).toBe(1);
    await second.reload();
    await second.waitForFunction(() => location.hash.startsWith('#/sign-in'));
    expect(await second.getByRole('heading', { name: 'Sign in to the studio' }).isVisible()).toBe(true);
    await second.context().close();
  });

  it('turns on two-factor sign-in with a code otplib computes from the shown secret, and shows ten recovery codes once', async () => {
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByLabel('Your password, to confirm it is you').fill(DEFAULT_DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    const secret = page.locator('.two-factor-secret');
    await secret.waitFor();
    totpSecret = (await secret.getAttribute('data-secret')) ?? '';
    expect(totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.getByRole('img', { name: /QR code/ }).getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    await studio.screenshot('two-factor-enrol');

    await page.getByLabel('6-digit code the app shows now').fill(wrongCode(totpSecret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    expect(await alert().textContent()).toBe('The code does not match the authenticator');
    await page.getByLabel('6-digit code the app shows now').fill(await unusedCode(totpSecret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).locator('li');
    await codes.first().waitFor();
    recoveryCodes = await codes.allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-f]{16}$/);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('On: signing in asks for a code from your authenticator app.').waitFor();
    expect(await page.locator('.recovery-code-list').count()).toBe(0);
  });

  it('signs out from the nav back to the sign-in page, and the API no longer knows the browser', async () => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in to the studio' }).waitFor();
    expect(await hash()).toBe('#/sign-in');
    expect((await page.context().request.get(`${studio.baseUrl}api/auth/me`)).status()).toBe(401);
  });

  it('asks for the authenticator code after the right password, refuses a wrong one in words, and signs in with the right one', async () => {
    await fillSignIn('owner@acme.test', DEFAULT_DEMO_PASSWORD);
    const codeField = page.getByLabel('6-digit code from your authenticator app');
    await codeField.waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Two-factor sign-in');
    expect(await codeField.evaluate((field) => field === document.activeElement)).toBe(true);
    await studio.screenshot('totp-challenge');

    await codeField.fill(wrongCode(totpSecret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await alert().waitFor();
    expect(await alert().textContent()).toMatch(/^That code is wrong: enter the code your authenticator shows now/);
    // The code that turned two-factor on is used up, so this is the authenticator's next one.
    await codeField.fill(await unusedCode(totpSecret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await signedInAs().waitFor();
    expect(await hash()).toBe('#/definitions');
  });

  it('signs in with a recovery code instead of the authenticator code, and that recovery code then no longer works', async () => {
    const viaRecoveryCode = async () => {
      await fillSignIn('owner@acme.test', DEFAULT_DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await page.getByLabel('Recovery code').fill(recoveryCodes[0]);
      await page.getByRole('button', { name: 'Sign in' }).click();
    };
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await viaRecoveryCode();
    await signedInAs().waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await viaRecoveryCode();
    await alert().waitFor();
    expect(await alert().textContent()).toMatch(/^That code is wrong/);
  });

  it('turns two-factor sign-in off with the password and a code not used before', async () => {
    await page.getByRole('button', { name: 'Back' }).click();
    // Signing in with a second recovery code leaves the authenticator's steps for turning off, so at most one wait.
    await fillSignIn('owner@acme.test', DEFAULT_DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[1]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await signedInAs().waitFor();
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByLabel('Your password').fill(DEFAULT_DEMO_PASSWORD);
    await page.getByLabel('6-digit code from your authenticator app').fill(await unusedCode(totpSecret));
    await page.getByRole('button', { name: 'Turn off' }).click();
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).waitFor();
    expect(await studio.knex('two_factors').pluck('id')).toEqual([]);
  }, 100_000);

  it("revoking this browser's own session on the account page signs out here", async () => {
    await page.getByRole('button', { name: "Revoke this browser's session (you will be signed out)" }).click();
    await page.getByRole('heading', { name: 'Sign in to the studio' }).waitFor();
    expect(await hash()).toBe('#/sign-in');
    expect((await page.context().request.get(`${studio.baseUrl}api/auth/me`)).status()).toBe(401);
  });

  it('says until when an account is locked after five wrong passwords', async () => {
    await page.goto(`${studio.baseUrl}#/sign-in`);
    await page.reload();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await fillSignIn('designer@acme.test', `wrong password ${attempt}`);
      await alert().filter({ hasText: attempt < 5 ? 'Wrong email or password' : 'locked' }).waitFor();
    }
    expect(await alert().textContent()).toMatch(/^This account is locked after too many wrong passwords, until \d\d:\d\d \(in 15 minutes\)\. Try again then, or reset the password\.$/);
    expect(pageErrors).toEqual([]);
  });
});
