import { Plan } from '../../db/models';
import type { RouteDefinition } from '../routing/route-definition';
import { closedObject } from '../routing/schema-helpers';

const planRow = {
  type: 'object',
  required: ['id', 'code', 'name', 'currency', 'amount_minor', 'interval_unit', 'interval_count', 'active'],
  properties: {
    id: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' }, currency: { type: 'string' }, amount_minor: { type: 'integer' },
    interval_unit: { enum: ['month', 'year'] }, interval_count: { type: 'integer' }, trial_days: { type: 'integer' }, active: { type: 'boolean' },
  },
};

/**
 * The platform's plan catalogue, read-only: the `plan_id` a subscription is activated on or changed to comes from here.
 * Plans belong to no tenant (so there is no per-row route the tenant-isolation test could aim at); the platform keeps them.
 */
export function planRoutes(): RouteDefinition[] {
  return [
    {
      operationId: 'listPlans',
      method: 'get',
      path: '/api/plans',
      summary: 'The plans a subscription can be on, cheapest first per currency (`active=true` for those open to new subscriptions)',
      tag: 'Billing',
      access: { permission: 'plans.read' },
      query: closedObject({ active: { type: 'boolean' } }),
      responses: { 200: { description: 'The plans', schema: { type: 'object', properties: { data: { type: 'array', items: planRow } } } } },
      handler: async ({ query, services }) => {
        const plans = Plan.query(services.knex).orderBy([{ column: 'currency' }, { column: 'amount_minor' }, { column: 'code' }]);
        if (typeof query.active === 'boolean') plans.where({ active: query.active });
        return { body: { data: await plans } };
      },
    },
  ];
}
