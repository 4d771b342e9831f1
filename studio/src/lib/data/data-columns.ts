/** What each data view lists: its API path and columns, each a label and the text of a row's cell. */
import { formatMoney } from '../money/money';
import type { DataView } from './entity-links';

type Row = Record<string, unknown>;

export interface DataColumn {
  label: string;
  cell(row: Row): string;
  /** Right-aligned, tabular digits. */
  amount?: boolean;
}

export interface DataViewSpec {
  title: string;
  /** Singular, for headings: "Contract CT-001". */
  noun: string;
  path: string;
  columns: DataColumn[];
}

const text = (key: string) => (row: Row) => (row[key] === null || row[key] === undefined ? '—' : String(row[key]));
/** Calendar dates as the day; instants cut to their UTC day. */
const day = (key: string) => (row: Row) => (typeof row[key] === 'string' ? (row[key] as string).slice(0, 10) : '—');
const money = (key: string) => (row: Row) => (typeof row[key] === 'number' && typeof row.currency === 'string' ? formatMoney(row[key] as number, row.currency) : '—');
const words = (key: string) => (row: Row) => (typeof row[key] === 'string' ? (row[key] as string).replace(/_/g, ' ') : '—');

export const DATA_VIEW_SPECS: Record<DataView, DataViewSpec> = {
  contacts: {
    title: 'Contacts', noun: 'Contact', path: '/api/contacts',
    columns: [{ label: 'Name', cell: text('name') }, { label: 'Kind', cell: text('kind') }, { label: 'Email', cell: text('email') }, { label: 'Status', cell: words('status') }],
  },
  invoices: {
    title: 'Invoices', noun: 'Invoice', path: '/api/invoices',
    columns: [
      { label: 'Number', cell: text('invoice_number') }, { label: 'Status', cell: words('status') }, { label: 'Issued', cell: day('issue_date') }, { label: 'Due', cell: day('due_date') },
      { label: 'Total', cell: money('total_minor'), amount: true }, { label: 'Paid', cell: money('amount_paid_minor'), amount: true },
    ],
  },
  contracts: {
    title: 'Contracts', noun: 'Contract', path: '/api/contracts',
    columns: [
      { label: 'Number', cell: text('contract_number') }, { label: 'Title', cell: text('title') }, { label: 'Status', cell: words('status') },
      { label: 'Installments', cell: text('installment_count') }, { label: 'First due', cell: day('first_due_date') }, { label: 'Total', cell: money('total_minor'), amount: true },
    ],
  },
  subscriptions: {
    title: 'Subscriptions', noun: 'Subscription', path: '/api/subscriptions',
    columns: [{ label: 'Status', cell: words('status') }, { label: 'Started', cell: day('started_at') }, { label: 'Period ends', cell: day('current_period_end') }, { label: 'Plan', cell: (row) => text('plan_id')(row).slice(0, 8) }],
  },
};
