/** Small pieces of two-factor enrolment the account page shows: the secret for typing by hand, and the recovery codes file. */

/** "JBSW Y3DP EHPK 3PXP": the secret in groups of four, as authenticator apps ask for it when typed by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** A text file of the recovery codes, as a data: URL for a download link; the codes are shown only once. */
export function recoveryCodesDownload(codes: string[], account: string): string {
  const text = [`Ledgerflow recovery codes for ${account}`, 'Each code signs you in once, instead of the authenticator code.', '', ...codes, ''].join('\n');
  return `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
}
