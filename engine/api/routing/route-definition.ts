import type Koa from 'koa';
import type { Logger } from 'pino';
import type { Knex } from 'knex';
import type { Client } from '@temporalio/client';
import type { Caller } from '../../auth/caller';
import type { TenantScope } from '../../db/tenant-scope';
import type { SecretBox } from '../../security/secret-box';
import type { SignInLimiter } from '../../auth/sign-in-limiter';
import type { Mailer } from '../../../activities/mailer';

export type JsonSchema = Record<string, unknown>;
export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** `public`: anyone; `signed-in`: any authenticated caller of a tenant; otherwise the permission the caller needs. */
export type Access = 'public' | 'signed-in' | { permission: string };

export interface ApiServices {
  knex: Knex;
  secretBox: SecretBox;
  signInLimiter: SignInLimiter;
  sessionTtlMs: number;
  /** Sends password-reset and verification e-mails; absent, those routes answer 503. */
  mailer?: Mailer;
  publicUrl: string;
  logger: Logger;
  /** Temporal, for the routes that start, signal or inspect runs; absent, those answer 503. */
  temporal?: { client: Client; taskQueue: string; searchAttributes: boolean; /** Temporal UI base address, for the studio's link to a run's raw history. */ uiUrl?: string };
}

export interface RouteInput {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  ctx: Koa.Context;
  services: ApiServices;
  /** Set for every route that is not public. */
  caller?: Caller;
  scope?: TenantScope;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * One row of the route table: everything the router, the validator, the permission check and the OpenAPI document
 * need. Handlers stay thin and call a service.
 */
export interface RouteDefinition {
  operationId: string;
  method: HttpMethod;
  /** Koa style: `/api/contacts/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: JsonSchema;
  query?: JsonSchema;
  body?: JsonSchema;
  /** An example request body that is valid for the table as seeded; tests and the docs use it. */
  bodyExample?: Record<string, unknown>;
  responses: Record<number, { description: string; schema?: JsonSchema }>;
  /** The table whose row the `:id` path parameter names, so tests can aim other tenants' ids at it. */
  resourceTable?: string;
  /** Body fields that name rows of tenant tables (field → table). */
  references?: Record<string, string>;
  /** A larger body limit than the app's, for the few routes that carry file content (document uploads). */
  bodyLimitBytes?: number;
  handler(input: RouteInput): Promise<RouteResult> | RouteResult;
}

export function permissionOf(route: RouteDefinition): string | undefined {
  return typeof route.access === 'object' ? route.access.permission : undefined;
}
