/** The rows the CRUD resources answer with (engine/db/models), as far as the data views read them. */

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export interface Contact {
  id: string;
  kind: 'person' | 'organization';
  name: string;
  email: string | null;
  phone: string | null;
  status: string;
}

export interface Invoice {
  id: string;
  contact_id: string;
  invoice_number: string;
  status: string;
  currency: string;
  total_minor: number;
  amount_paid_minor: number;
  issue_date: string;
  due_date: string;
}

export interface Contract {
  id: string;
  contact_id: string;
  contract_number: string;
  title: string;
  status: string;
  currency: string;
  total_minor: number;
  installment_count: number;
  first_due_date: string;
}

export interface ContractInstallment {
  id: string;
  contract_id: string;
  sequence: number;
  due_date: string;
  currency: string;
  principal_minor: number;
  fee_minor: number;
  interest_minor: number;
  paid_minor: number;
  status: string;
}

export interface Subscription {
  id: string;
  plan_id: string;
  contact_id: string | null;
  status: string;
  started_at: string;
  current_period_end: string | null;
}

export interface Task {
  id: string;
  entity_type: string;
  entity_id: string;
  kind: 'todo' | 'approval' | 'collection';
  title: string;
  description: string | null;
  status: 'open' | 'done' | 'canceled';
  due_date: string | null;
  assigned_to: string | null;
  assigned_role_key: string | null;
  decision: 'approved' | 'rejected' | null;
  workflow_id: string | null;
}
