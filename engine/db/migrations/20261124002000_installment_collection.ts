import type { Knex } from 'knex';
import { addTenantReference } from '../schema-helpers/tenant-table';

const PARTS = ['allocated_fee_minor', 'allocated_interest_minor', 'allocated_principal_minor'] as const;

// Collecting installments: the terms a contract is collected on, how far its late charges are accrued, and how each
// payment splits into fee, interest and principal. An installment payment's parts always sum to its amount.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('contracts', (t) => {
    // Grace days, late fee, interest and allocation order, copied from the collecting definition when the schedule is made.
    t.jsonb('collection_terms');
    t.check(`collection_terms IS NULL OR jsonb_typeof(collection_terms) = 'object'`, [], 'contracts_collection_terms_is_object');
  });
  await knex.schema.alterTable('contract_installments', (t) => {
    // The last date through which fee and interest were accrued; set at the first charge, so the fee is charged once.
    t.date('charges_accrued_through');
    t.check('charges_accrued_through IS NULL OR charges_accrued_through > due_date', [], 'contract_installments_charges_after_due');
  });
  await knex.schema.alterTable('payments', (t) => {
    for (const part of PARTS) t.bigInteger(part).notNullable().defaultTo(0);
    // The other rows of one receipt of cash (an overpayment carried on, or kept as credit) name the receipt's first row.
    t.uuid('carried_from_payment_id');
  });
  await addTenantReference(knex, 'payments', 'carried_from_payment_id', 'payments', 'RESTRICT');
  // Rows written before this migration paid principal only.
  await knex('payments').whereNotNull('installment_id').update({ allocated_principal_minor: knex.ref('amount_minor') });
  for (const part of PARTS) await knex.raw(`ALTER TABLE payments ADD CONSTRAINT ?? CHECK (?? >= 0)`, [`${part}_not_negative`, part]);
  await knex.raw(`ALTER TABLE payments ADD CONSTRAINT payments_allocation_sums_to_amount CHECK (
    CASE WHEN installment_id IS NULL THEN allocated_fee_minor = 0 AND allocated_interest_minor = 0 AND allocated_principal_minor = 0
         ELSE allocated_fee_minor + allocated_interest_minor + allocated_principal_minor = amount_minor END)`);
  await knex.raw(`ALTER TABLE payments ADD CONSTRAINT payments_carried_rows_are_payments CHECK (carried_from_payment_id IS NULL OR kind = 'payment')`);

  // A client that writes an installment payment without its split (seeds, raw SQL) gets one: a payment pays principal,
  // a reversal takes back principal first, then interest, then fee, of what its payment still holds. An explicit split
  // of a reversal may not take back more of a part than its payment put there. Splits never change afterwards.
  await knex.raw(`
    CREATE FUNCTION ledgerflow_set_payment_allocation() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE left_fee bigint := 0; left_interest bigint := 0; left_principal bigint := 0; rest bigint; take bigint;
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        IF (NEW.allocated_fee_minor, NEW.allocated_interest_minor, NEW.allocated_principal_minor)
           IS DISTINCT FROM (OLD.allocated_fee_minor, OLD.allocated_interest_minor, OLD.allocated_principal_minor) THEN
          RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_allocation_immutable', TABLE = 'payments',
            MESSAGE = 'a payment''s allocation cannot change once written: reverse it and record it again';
        END IF;
        RETURN NEW;
      END IF;
      IF NEW.installment_id IS NULL THEN RETURN NEW; END IF;
      IF NEW.kind = 'reversal' AND NEW.reverses_payment_id IS NOT NULL THEN
        SELECT o.allocated_fee_minor - COALESCE(SUM(r.allocated_fee_minor), 0),
               o.allocated_interest_minor - COALESCE(SUM(r.allocated_interest_minor), 0),
               o.allocated_principal_minor - COALESCE(SUM(r.allocated_principal_minor), 0)
          INTO left_fee, left_interest, left_principal
          FROM payments o
          LEFT JOIN payments r ON r.company_id = o.company_id AND r.reverses_payment_id = o.id AND r.status = 'succeeded' AND r.id <> NEW.id
          WHERE o.company_id = NEW.company_id AND o.id = NEW.reverses_payment_id
          GROUP BY o.id;
      END IF;
      IF NEW.allocated_fee_minor = 0 AND NEW.allocated_interest_minor = 0 AND NEW.allocated_principal_minor = 0 THEN
        IF NEW.kind = 'payment' THEN
          NEW.allocated_principal_minor := NEW.amount_minor;
        ELSE
          rest := NEW.amount_minor;
          take := LEAST(rest, GREATEST(left_principal, 0)); NEW.allocated_principal_minor := take; rest := rest - take;
          take := LEAST(rest, GREATEST(left_interest, 0)); NEW.allocated_interest_minor := take; rest := rest - take;
          take := LEAST(rest, GREATEST(left_fee, 0)); NEW.allocated_fee_minor := take; rest := rest - take;
          -- Only a pending reversal can ask for more than is left (payments_check refuses a succeeded one first).
          NEW.allocated_principal_minor := NEW.allocated_principal_minor + rest;
        END IF;
      ELSIF NEW.kind = 'reversal' AND NEW.status = 'succeeded'
        AND (NEW.allocated_fee_minor > left_fee OR NEW.allocated_interest_minor > left_interest OR NEW.allocated_principal_minor > left_principal) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_reversal_within_allocation', TABLE = 'payments',
          MESSAGE = 'a reversal cannot take back more fee, interest or principal than its payment allocated';
      END IF;
      RETURN NEW;
    END $$`);
  // Named to fire after payments_check (triggers fire in name order), which refuses over-large reversals first.
  await knex.raw(`CREATE TRIGGER payments_set_allocation BEFORE INSERT OR UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION ledgerflow_set_payment_allocation()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER payments_set_allocation ON payments');
  await knex.raw('DROP FUNCTION ledgerflow_set_payment_allocation()');
  await knex.schema.alterTable('payments', (t) => {
    t.dropChecks(['payments_allocation_sums_to_amount', 'payments_carried_rows_are_payments', ...PARTS.map((part) => `${part}_not_negative`)]);
    t.dropForeign(['company_id', 'carried_from_payment_id'], 'payments_carried_from_payment_id_fkey');
    t.dropIndex([], 'payments_company_id_carried_from_payment_id_idx');
    t.dropColumns(...PARTS, 'carried_from_payment_id');
  });
  await knex.schema.alterTable('contract_installments', (t) => {
    t.dropChecks(['contract_installments_charges_after_due']);
    t.dropColumn('charges_accrued_through');
  });
  await knex.schema.alterTable('contracts', (t) => {
    t.dropChecks(['contracts_collection_terms_is_object']);
    t.dropColumn('collection_terms');
  });
}
