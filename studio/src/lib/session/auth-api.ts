/** The API calls of signing in and of the account page, through the studio's one API client. */
import { api } from '../api/api-client';
import type { OwnSession } from './devices';
import type { SignInBody } from './sign-in';

export interface TwoFactorEnrolment {
  otpauth_uri: string;
  /** The same URI as an image (data: URL) for the authenticator app to scan; absent from older APIs. */
  otpauth_qr_code?: string;
  /** The secret for typing into the app by hand. */
  secret: string;
}

export const authApi = {
  signIn: (body: SignInBody) => api.post<unknown>('/api/auth/sign-in', body),
  sessions: async () => (await api.get<{ data: OwnSession[] }>('/api/auth/sessions')).data,
  revokeSession: (id: string) => api.delete<void>(`/api/auth/sessions/${encodeURIComponent(id)}`),
  twoFactorEnabled: async () => (await api.get<{ enabled: boolean }>('/api/auth/two-factor')).enabled,
  beginTwoFactor: (password: string) => api.post<TwoFactorEnrolment>('/api/auth/two-factor', { password }),
  confirmTwoFactor: async (code: string) => (await api.post<{ recovery_codes: string[] }>('/api/auth/two-factor/confirm', { code })).recovery_codes,
  disableTwoFactor: (password: string, code: string) => api.post<unknown>('/api/auth/two-factor/disable', { password, code }),
};
