/** Where the studio shows a record a run or task is about, and the runs bound to it. */
import { href } from '../navigation/studio-routes';
import type { EntityRef } from '../runs/run-types';

export type DataView = 'contacts' | 'invoices' | 'contracts' | 'subscriptions';
export const DATA_VIEWS: readonly DataView[] = ['contacts', 'invoices', 'contracts', 'subscriptions'];

const VIEW_BY_ENTITY: Record<string, DataView> = { contact: 'contacts', invoice: 'invoices', contract: 'contracts', subscription: 'subscriptions' };

/** `#/data/<view>` for an unknown or missing view is the contacts view. */
export function dataViewOf(view: string | undefined): DataView {
  return DATA_VIEWS.includes(view as DataView) ? (view as DataView) : 'contacts';
}

/** The record's page in the studio, or null for entities the studio has no view of (deals, installments…). */
export function entityHref(entity: EntityRef): string | null {
  if (entity.type === 'workflow_run') return href(`/runs/${encodeURIComponent(entity.id)}`);
  const view = VIEW_BY_ENTITY[entity.type];
  return view ? href(`/data/${view}`, { id: entity.id }) : null;
}

/** The runs list filtered to one entity. */
export const runsForEntityHref = (entityId: string): string => href('/runs', { entity: entityId });

/** `contract_installment` → "contract installment". */
export const entityTypeWords = (type: string): string => type.replace(/_/g, ' ');
