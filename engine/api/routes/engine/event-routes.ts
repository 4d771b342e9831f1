import { decideApproval } from '../../../runs/decide-approval';
import { emitDomainEvent } from '../../../events';
import { notFound } from '../../http/problem';
import type { RouteDefinition } from '../../routing/route-definition';
import { closedObject, idParams, OK_OBJECT } from '../../routing/schema-helpers';
import { requireEngine } from './engine-services';
import { entityRef, eventId, eventName } from './run-routes';

/** Events into the outbox (the worker's dispatcher starts or signals runs from there) and decisions on approval tasks. */
export function eventRoutes(): RouteDefinition[] {
  return [
    {
      operationId: 'sendEvent', method: 'post', path: '/api/events', summary: 'Send a domain event: runs bound to the entity receive it and definitions it triggers start (through the outbox, so it is never lost; the same event_id twice is one event)', tag: 'Runs', access: { permission: 'runs.signal' },
      body: closedObject({ name: eventName, entity: entityRef, payload: { type: 'object' }, event_id: eventId }, ['name', 'entity']),
      bodyExample: { name: 'invoice.disputed', entity: { type: 'invoice', id: 'inv-1' }, payload: {} },
      responses: { 202: { description: 'Accepted into the outbox', schema: OK_OBJECT } },
      handler: async ({ scope, body }) => {
        const request = body as { name: string; entity: { type: string; id: string }; payload?: Record<string, unknown>; event_id?: string };
        const emitted = await scope!.transaction((tx) =>
          emitDomainEvent(tx.knex, scope!.companyId, { name: request.name, entity: request.entity, payload: request.payload ?? {}, ...(request.event_id ? { eventId: request.event_id } : {}) }),
        );
        return { status: 202, body: { event_id: emitted.eventId, created: emitted.created } };
      },
    },
    {
      operationId: 'decideApprovalTask', method: 'post', path: '/api/tasks/:id/decision', summary: 'Approve or reject an approval task; the waiting run hears the decision once', tag: 'Runs', access: { permission: 'tasks.decide' },
      params: idParams, resourceTable: 'tasks',
      body: closedObject({ decision: { type: 'string', enum: ['approved', 'rejected'] }, comment: { type: 'string', maxLength: 2000, pattern: '^[^\\u0000]*$' } }, ['decision']),
      bodyExample: { decision: 'approved', comment: 'Fine by me' },
      responses: { 200: { description: 'Decided', schema: OK_OBJECT }, 409: { description: 'Already decided' } },
      handler: async ({ scope, params, body, services, caller }) => {
        const task = await scope!.knex('tasks').where({ company_id: scope!.companyId, id: params.id, kind: 'approval' }).first('id');
        if (!task) throw notFound('approval task');
        const engine = requireEngine(services);
        const request = body as { decision: 'approved' | 'rejected'; comment?: string };
        const decidedBy = caller?.userId ?? `api-key:${caller?.apiKeyId}`;
        await decideApproval(scope!, engine.client, { taskId: params.id, decision: request.decision, decidedBy, ...(request.comment ? { comment: request.comment } : {}) });
        return { body: { id: params.id, decision: request.decision } };
      },
    },
  ];
}
