/** Who is calling: a signed-in user (cookie session) or an integration (API key), always inside one tenant. */
export interface Caller {
  kind: 'session' | 'api_key';
  companyId: string;
  /** The signed-in user; an API key acts as its role, not as a user. */
  userId?: string;
  sessionId?: string;
  apiKeyId?: string;
  permissions: string[];
}
