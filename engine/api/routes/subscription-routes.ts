import {
  activateSubscription, pauseSubscription, requestCancellation, requestPlanChange, resumeSubscription, withdrawPendingChange, type Effective,
} from '../../billing/subscriptions';
import type { TenantScope } from '../../db/tenant-scope';
import { notFound, ProblemError } from '../http/problem';
import type { RouteDefinition } from '../routing/route-definition';
import { closedObject, idParams, OK_OBJECT, uuidString } from '../routing/schema-helpers';

const WRITE = { permission: 'subscriptions.write' };
const effective = { type: 'string', enum: ['now', 'period_end'] };

/** The row the path names, in the caller's tenant; anything else is the API's uniform 404 (never another tenant's row). */
async function requireSubscription(scope: TenantScope, id: string): Promise<void> {
  if (!(await scope.knex('subscriptions').where({ company_id: scope.companyId, id }).first('id'))) throw notFound('subscription');
}

const REQUESTED = { 202: { description: 'Requested: the subscription.change_requested event is in the outbox for the subscription run to apply', schema: OK_OBJECT } };

/** A request that the subscription's run applies: validated now, then emitted as subscription.change_requested. */
function changeRoute(
  operationId: string,
  method: 'post' | 'delete',
  suffix: string,
  summary: string,
  body: Record<string, unknown> | undefined,
  bodyExample: Record<string, unknown> | undefined,
  references: Record<string, string> | undefined,
  request: (scope: TenantScope, id: string, body: Record<string, unknown>) => Promise<{ requestId: string; eventId: string }>,
): RouteDefinition {
  return {
    operationId, method, path: `/api/subscriptions/:id/${suffix}`, summary, tag: 'Billing', access: WRITE, params: idParams,
    ...(body ? { body, bodyExample: bodyExample ?? {} } : {}),
    ...(references ? { references } : {}),
    resourceTable: 'subscriptions',
    responses: REQUESTED,
    handler: async ({ scope, params, body: sent }) => {
      await requireSubscription(scope!, params.id);
      const requested = await request(scope!, params.id, (sent ?? {}) as Record<string, unknown>);
      return { status: 202, body: { subscription_id: params.id, request_id: requested.requestId, event_id: requested.eventId } };
    },
  };
}

/**
 * Subscription domain actions. State lives with the subscription-lifecycle run: activation creates the row and starts the
 * run (through subscription.created); every other action is a request the run applies, so the CRUD resource is read-only.
 */
export function subscriptionRoutes(): RouteDefinition[] {
  return [
    {
      operationId: 'activateSubscription',
      method: 'post',
      path: '/api/subscriptions',
      summary: "Activate the company's subscription to a plan (trialing when it has trial days); 409 when one is already current",
      tag: 'Billing',
      access: WRITE,
      body: closedObject({ plan_id: uuidString, contact_id: uuidString, trial_days: { type: 'integer', minimum: 0, maximum: 365 } }, ['plan_id', 'contact_id']),
      bodyExample: { plan_id: '00000000-0000-4000-8000-000000000000', contact_id: '00000000-0000-4000-8000-000000000000', trial_days: 14 },
      references: { plan_id: 'plans', contact_id: 'contacts' },
      responses: { 201: { description: 'Activated; the lifecycle run starts from subscription.created', schema: OK_OBJECT }, 409: { description: 'The company already has a current subscription' } },
      handler: async ({ scope, body }) => {
        const request = body as { plan_id: string; contact_id: string; trial_days?: number };
        // The contact must be this tenant's: the composite foreign key would refuse it too, but this answers plainly.
        if (!(await scope!.knex('contacts').where({ company_id: scope!.companyId, id: request.contact_id }).first('id'))) {
          throw new ProblemError(422, 'reference_not_found', 'No contact with this id', [{ in: 'body', pointer: '#/contact_id', message: 'names no contacts row of this company' }]);
        }
        const activated = await activateSubscription(scope!, {
          planId: request.plan_id, contactId: request.contact_id, ...(request.trial_days !== undefined ? { trialDays: request.trial_days } : {}),
        });
        return {
          status: 201,
          body: { subscription_id: activated.subscriptionId, status: activated.status, trial_days: activated.trialDays },
          headers: { Location: `/api/subscriptions/${activated.subscriptionId}` },
        };
      },
    },
    changeRoute(
      'requestSubscriptionPlanChange', 'post', 'plan-change', 'Upgrade or downgrade to another plan of the same currency and interval, now (prorated) or at the period end',
      closedObject({ plan_id: uuidString, effective }, ['plan_id', 'effective']), { plan_id: '00000000-0000-4000-8000-000000000000', effective: 'period_end' }, { plan_id: 'plans' },
      (scope, id, body) => requestPlanChange(scope, id, { planId: body.plan_id as string, effective: body.effective as Effective }),
    ),
    changeRoute(
      'requestSubscriptionCancellation', 'post', 'cancellation', 'Cancel now or at the end of the current period',
      closedObject({ effective }, ['effective']), { effective: 'period_end' }, undefined,
      (scope, id, body) => requestCancellation(scope, id, { effective: body.effective as Effective }),
    ),
    changeRoute(
      'withdrawSubscriptionPendingChange', 'delete', 'pending-change', 'Withdraw the plan change or cancellation booked for the period end',
      undefined, undefined, undefined, (scope, id) => withdrawPendingChange(scope, id),
    ),
    changeRoute(
      'pauseSubscription', 'post', 'pause', 'Pause billing (an active subscription with no open invoice)',
      closedObject({}), {}, undefined, (scope, id) => pauseSubscription(scope, id),
    ),
    changeRoute(
      'resumeSubscription', 'post', 'resume', 'Resume a paused subscription',
      closedObject({}), {}, undefined, (scope, id) => resumeSubscription(scope, id),
    ),
  ];
}
