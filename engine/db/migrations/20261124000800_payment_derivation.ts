import type { Knex } from 'knex';

// An installment's paid amount and status are derived from its payments by the database,
// so they agree with the payment rows whichever client writes them.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION ledgerflow_derive_installment() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      SELECT COALESCE(SUM(CASE kind WHEN 'payment' THEN amount_minor ELSE -amount_minor END), 0)
        INTO NEW.paid_minor
        FROM payments
        WHERE company_id = NEW.company_id AND installment_id = NEW.id AND status = 'succeeded';
      NEW.status := CASE
        WHEN NEW.status = 'canceled' THEN 'canceled'
        WHEN NEW.paid_minor >= NEW.principal_minor + NEW.fee_minor + NEW.interest_minor THEN 'paid'
        WHEN NEW.overdue_since IS NOT NULL THEN 'overdue'
        WHEN NEW.paid_minor > 0 THEN 'partially_paid'
        ELSE 'open' END;
      NEW.settled_at := CASE WHEN NEW.status = 'paid' THEN COALESCE(NEW.settled_at, now()) ELSE NULL END;
      RETURN NEW;
    END $$`);
  await knex.raw(`CREATE TRIGGER contract_installments_derive BEFORE INSERT OR UPDATE ON contract_installments
    FOR EACH ROW EXECUTE FUNCTION ledgerflow_derive_installment()`);

  // Before a payment is written: its currency must match what it pays, and reversals never exceed the original.
  await knex.raw(`
    CREATE FUNCTION ledgerflow_check_payment() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE expected_currency text; original payments%ROWTYPE; already_reversed bigint;
    BEGIN
      IF NEW.installment_id IS NOT NULL THEN
        SELECT currency INTO expected_currency FROM contract_installments WHERE company_id = NEW.company_id AND id = NEW.installment_id;
        IF expected_currency IS NOT NULL AND expected_currency <> NEW.currency THEN
          RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_currency_matches_installment', TABLE = 'payments',
            MESSAGE = format('payment currency %s does not match the installment currency %s', NEW.currency, expected_currency);
        END IF;
      END IF;
      -- A reversal without its payment is left to the CHECK constraint payments_reversal_names_its_payment.
      IF NEW.kind = 'reversal' AND NEW.reverses_payment_id IS NOT NULL THEN
        SELECT * INTO original FROM payments WHERE company_id = NEW.company_id AND id = NEW.reverses_payment_id;
        IF original.kind <> 'payment' OR original.status <> 'succeeded' THEN
          RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_reversal_of_succeeded_payment', TABLE = 'payments',
            MESSAGE = 'only a succeeded payment can be reversed';
        END IF;
        IF original.currency <> NEW.currency OR original.installment_id IS DISTINCT FROM NEW.installment_id THEN
          RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_reversal_matches_payment', TABLE = 'payments',
            MESSAGE = 'a reversal must have the currency and installment of the payment it reverses';
        END IF;
        SELECT COALESCE(SUM(amount_minor), 0) INTO already_reversed FROM payments
          WHERE company_id = NEW.company_id AND reverses_payment_id = NEW.reverses_payment_id AND status = 'succeeded' AND id <> NEW.id;
        IF NEW.status = 'succeeded' AND already_reversed + NEW.amount_minor > original.amount_minor THEN
          RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_reversal_within_payment', TABLE = 'payments',
            MESSAGE = format('reversals would total %s, more than the %s paid', already_reversed + NEW.amount_minor, original.amount_minor);
        END IF;
      END IF;
      RETURN NEW;
    END $$`);
  await knex.raw(`CREATE TRIGGER payments_check BEFORE INSERT OR UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION ledgerflow_check_payment()`);

  // After a payment changes, touch the installment(s) it belongs to so their derivation runs again.
  await knex.raw(`
    CREATE FUNCTION ledgerflow_refresh_installment_from_payment() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.installment_id IS NOT NULL THEN
        UPDATE contract_installments SET paid_minor = paid_minor WHERE company_id = OLD.company_id AND id = OLD.installment_id;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.installment_id IS NOT NULL THEN
        UPDATE contract_installments SET paid_minor = paid_minor WHERE company_id = NEW.company_id AND id = NEW.installment_id;
      END IF;
      RETURN NULL;
    END $$`);
  await knex.raw(`CREATE TRIGGER payments_refresh_installment AFTER INSERT OR UPDATE OR DELETE ON payments
    FOR EACH ROW EXECUTE FUNCTION ledgerflow_refresh_installment_from_payment()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER payments_refresh_installment ON payments');
  await knex.raw('DROP TRIGGER payments_check ON payments');
  await knex.raw('DROP TRIGGER contract_installments_derive ON contract_installments');
  await knex.raw('DROP FUNCTION ledgerflow_refresh_installment_from_payment()');
  await knex.raw('DROP FUNCTION ledgerflow_check_payment()');
  await knex.raw('DROP FUNCTION ledgerflow_derive_installment()');
}
