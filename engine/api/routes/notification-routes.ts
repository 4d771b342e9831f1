import type { Caller } from '../../auth/caller';
import { Notification } from '../../db/models';
import { notFound, ProblemError } from '../http/problem';
import type { ResourceDefinition } from '../resources/resource-definition';
import { listQuerySchema, listResponseSchema, rowSchema } from '../resources/resource-schemas';
import { listRows } from '../resources/resource-service';
import type { RouteDefinition } from '../routing/route-definition';
import { closedObject, idParams, OK_OBJECT } from '../routing/schema-helpers';

/** Not a CRUD resource: every query is narrowed to the caller's own user, so it only borrows the list machinery. */
const NOTIFICATIONS: ResourceDefinition = { table: 'notifications', model: Notification, tag: 'Notifications', summary: 'your notifications', filters: [] };

function userOf(caller: Caller | undefined): string {
  if (!caller?.userId) throw new ProblemError(403, 'forbidden', 'Notifications belong to users; API keys have none');
  return caller.userId;
}

const listQuery = listQuerySchema(NOTIFICATIONS);
const listFields = listQuery.properties as Record<string, Record<string, unknown>>;
listFields.unread = { type: 'string', enum: ['true', 'false'] };
// An inbox reads newest first.
listFields.sort = { ...listFields.sort, default: '-created_at' };

/**
 * A user's own notifications: list (newest first by default), mark one read, mark all read. Another user's notification,
 * in the same tenant or not, is the API's uniform 404.
 */
export function notificationRoutes(): RouteDefinition[] {
  const common = { tag: 'Notifications', access: 'signed-in' as const };
  return [
    {
      ...common,
      operationId: 'listNotifications',
      method: 'get',
      path: '/api/notifications',
      summary: 'List your notifications, a page at a time (unread=true for the unread ones)',
      query: listQuery,
      responses: { 200: { description: 'A page; pass next_cursor as cursor for the next', schema: listResponseSchema(NOTIFICATIONS) } },
      handler: async ({ caller, scope, query }) => {
        const { limit, cursor, sort, unread } = query as { limit: number; cursor?: string; sort: string; unread?: string };
        const page = await listRows(scope!, NOTIFICATIONS, {
          limit, cursor, sort, filters: { user_id: userOf(caller) },
          ...(unread ? { narrow: (rows) => void (unread === 'true' ? rows.whereNull('read_at') : rows.whereNotNull('read_at')) } : {}),
        });
        return { body: { data: page.data.map((row) => row.toJSON()), next_cursor: page.next_cursor } };
      },
    },
    {
      ...common,
      operationId: 'markNotificationRead',
      method: 'post',
      path: '/api/notifications/:id/read',
      summary: 'Mark one of your notifications read (reading it again keeps the first read_at)',
      params: idParams,
      body: closedObject({}),
      bodyExample: {},
      resourceTable: 'notifications',
      responses: { 200: { description: 'The notification', schema: rowSchema(NOTIFICATIONS) } },
      handler: async ({ caller, scope, params }) => {
        const userId = userOf(caller);
        const own = () => scope!.query(Notification).where({ id: params.id, user_id: userId });
        await own().whereNull('read_at').patch({ read_at: new Date().toISOString() });
        const row = await own().first();
        if (!row) throw notFound('notification');
        return { body: row.toJSON() };
      },
    },
    {
      ...common,
      operationId: 'markAllNotificationsRead',
      method: 'post',
      path: '/api/notifications/read-all',
      summary: 'Mark all of your unread notifications read; answers how many changed',
      body: closedObject({}),
      bodyExample: {},
      responses: { 200: { description: 'How many were marked', schema: OK_OBJECT } },
      handler: async ({ caller, scope }) => {
        const marked = await scope!.query(Notification).where({ user_id: userOf(caller) }).whereNull('read_at').patch({ read_at: new Date().toISOString() });
        return { body: { marked } };
      },
    },
  ];
}
