import type { Knex } from 'knex';

export type DunningAttemptKind = 'reminder' | 'payment_retry' | 'final_action' | 'balance_reminder';
export type DunningAttemptOutcome = 'sent' | 'failed' | 'succeeded' | 'declined' | 'applied';

export interface DunningAttemptRecord {
  invoiceId: string | null;
  contactId: string;
  kind: DunningAttemptKind;
  sequence: number;
  channel: string;
  outcome: DunningAttemptOutcome;
  /** The tenant's calendar date by the run's clock (`today` in the definition), not the database's. */
  attemptedOn: string;
  amountDueMinor: number;
  currency: string;
  detail?: string;
  workflowId?: string;
  dedupeKey: string;
}

/** The business keys that make each attempt happen once per invoice (or contact campaign) and step. */
export const dunningKeys = {
  reminder: (invoiceId: string, stepIndex: number) => `invoice:${invoiceId}:dunning:${stepIndex}`,
  paymentRetry: (invoiceId: string, retryIndex: number) => `invoice:${invoiceId}:dunning-retry:${retryIndex}`,
  finalAction: (invoiceId: string) => `invoice:${invoiceId}:dunning:final`,
  balanceReminder: (contactId: string, campaign: number, attempt: number) => `contact:${contactId}:dunning-balance:${campaign}:${attempt}`,
};

/** Writes the attempt once: a retried or replayed step finds the row its first execution wrote. */
export async function recordDunningAttempt(knex: Knex, companyId: string, attempt: DunningAttemptRecord): Promise<void> {
  await knex('dunning_attempts')
    .insert({
      company_id: companyId, invoice_id: attempt.invoiceId, contact_id: attempt.contactId, kind: attempt.kind, sequence: attempt.sequence,
      channel: attempt.channel, outcome: attempt.outcome, attempted_on: attempt.attemptedOn, amount_due_minor: attempt.amountDueMinor,
      currency: attempt.currency, detail: attempt.detail?.slice(0, 300) ?? null, workflow_id: attempt.workflowId ?? null, dedupe_key: attempt.dedupeKey,
    })
    .onConflict(['company_id', 'dedupe_key'])
    .ignore();
}
