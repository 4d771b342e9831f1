import Koa from 'koa';
import type { Knex } from 'knex';
import pino, { type Logger } from 'pino';
import { createSignInLimiter, type SignInLimiter } from '../auth/sign-in-limiter';
import { SESSION_TTL_MS } from '../auth/sessions';
import type { Mailer } from '../../activities/mailer';
import type { SecretBox } from '../security/secret-box';
import { DEFAULT_BODY_LIMIT_BYTES } from './http/json-body';
import { requestContext } from './http/request-context';
import { serveStudio } from './http/serve-studio';
import { apiKeyRoutes } from './routes/api-key-routes';
import { authRoutes } from './routes/auth-routes';
import { companySettingsRoutes } from './routes/company-settings-routes';
import { contractRoutes } from './routes/contract-routes';
import { documentRoutes } from './routes/document-routes';
import { paymentRoutes } from './routes/payment-routes';
import { planRoutes } from './routes/plan-routes';
import { subscriptionRoutes } from './routes/subscription-routes';
import { invoiceRoutes } from './routes/invoice-routes';
import { engineRoutes } from './routes/engine';
import { healthRoutes } from './routes/health';
import { notificationRoutes } from './routes/notification-routes';
import { resourceRoutes } from './resources/resource-routes';
import { emailedTokenRoutes } from './routes/emailed-token-routes';
import { sessionRoutes } from './routes/session-routes';
import { twoFactorRoutes } from './routes/two-factor-routes';
import { userRoutes } from './routes/user-routes';
import { webhookRoutes } from './routes/webhook-routes';
import { mountRoutes } from './routing/mount-routes';
import type { ApiServices, RouteDefinition } from './routing/route-definition';

export interface AppDependencies {
  knex: Knex;
  /** Seals secrets the API creates (webhook signing secrets). */
  secretBox: SecretBox;
  logger?: Logger;
  bodyLimitBytes?: number;
  /** Trust X-Forwarded-* (proto for Secure cookies, for for the client address): set when behind a reverse proxy. */
  trustProxy?: boolean;
  signInLimiter?: SignInLimiter;
  sessionTtlMs?: number;
  /** Sends password-reset and e-mail verification messages. */
  mailer?: Mailer;
  /** The studio's address, for links in e-mails (PUBLIC_URL). */
  publicUrl?: string;
  /** Temporal, for starting, signalling and inspecting runs; without it those routes answer 503. */
  temporal?: ApiServices['temporal'];
  /** The built studio served at `/` (studio/dist of this checkout unless given). */
  studioDist?: string;
}

/** Every route of the API, in one table: the router, the permission checks and /openapi.json all read it. */
export function apiRoutes(): RouteDefinition[] {
  const routes: RouteDefinition[] = [];
  routes.push(...healthRoutes(), ...contractRoutes(() => routes), ...authRoutes(), ...twoFactorRoutes(), ...emailedTokenRoutes(), ...sessionRoutes(), ...apiKeyRoutes(), ...userRoutes(), ...paymentRoutes(), ...subscriptionRoutes(), ...planRoutes(), ...invoiceRoutes(), ...notificationRoutes(), ...companySettingsRoutes(), ...documentRoutes(), ...webhookRoutes(), ...engineRoutes(), ...resourceRoutes());
  return routes;
}

function defaultLogger(): Logger {
  // Jest runs many apps per process; their request lines would drown the test output.
  return pino({ level: process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info') });
}

/** The HTTP application: problem+json errors around a router generated from the route table. */
export function createApp(dependencies: AppDependencies): Koa {
  const app = new Koa({ proxy: dependencies.trustProxy ?? false });
  const logger = dependencies.logger ?? defaultLogger();
  // Koa prints stream errors itself; a browser that goes away mid-download is routine, anything else is logged once.
  app.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ERR_STREAM_PREMATURE_CLOSE' || error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
    logger.error({ err: { message: error.message, code: error.code } }, 'response stream failed');
  });
  const services: ApiServices = {
    logger,
    knex: dependencies.knex,
    secretBox: dependencies.secretBox,
    signInLimiter: dependencies.signInLimiter ?? createSignInLimiter(),
    sessionTtlMs: dependencies.sessionTtlMs ?? SESSION_TTL_MS,
    ...(dependencies.mailer ? { mailer: dependencies.mailer } : {}),
    publicUrl: dependencies.publicUrl ?? 'http://localhost:3000',
    ...(dependencies.temporal ? { temporal: dependencies.temporal } : {}),
  };
  const router = mountRoutes(apiRoutes(), services, { bodyLimitBytes: dependencies.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES });
  app.use(requestContext(logger));
  app.use(serveStudio(dependencies.studioDist));
  app.use(router.routes()).use(router.allowedMethods());
  return app;
}
