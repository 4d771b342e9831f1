import { formatMoney } from '../../../engine/email/render-template';
import type { TwelveInstallmentOutcome } from './twelve-installment-scenario';

const money = (minor: number) => formatMoney(minor, 'EUR').replace('EUR ', '');
const pad = (text: string | number, width: number) => String(text).padStart(width);

/** The schedule and the amounts the product computed for the 12-installment case, as plain-text tables. */
export function formatOutcome(outcome: TwelveInstallmentOutcome): string {
  const lines = [`Contract: EUR 10,000.00 in 12 monthly installments from ${outcome.firstDueDate}; grace 5 days, late fee 5%, interest 1.5%/month, order fee → interest → principal`];
  lines.push('', ' #  due date    principal     fee  interest      paid  status  overdue since');
  for (const i of outcome.installments) {
    lines.push(`${pad(i.sequence, 2)}  ${i.due_date}  ${pad(money(i.principal_minor), 9)}  ${pad(money(i.fee_minor), 6)}  ${pad(money(i.interest_minor), 8)}  ${pad(money(i.paid_minor), 8)}  ${i.status.padEnd(6)}  ${i.overdue_since ?? ''}`);
  }
  const sum = (pick: (i: TwelveInstallmentOutcome['installments'][number]) => number) => money(outcome.installments.reduce((total, i) => total + pick(i), 0));
  lines.push(`    total       ${pad(sum((i) => i.principal_minor), 9)}  ${pad(sum((i) => i.fee_minor), 6)}  ${pad(sum((i) => i.interest_minor), 8)}  ${pad(sum((i) => i.paid_minor), 8)}`);
  lines.push('', 'payments (one row per installment paid; carried rows belong to the receipt above them)');
  lines.push('received    key                   #    amount     fee  interest  principal');
  for (const p of outcome.payments) {
    lines.push(`${p.received_on}  ${p.idempotency_key.padEnd(20)}  ${pad(p.sequence ?? '-', 2)}  ${pad(money(p.amount_minor), 8)}  ${pad(money(p.allocated_fee_minor), 6)}  ${pad(money(p.allocated_interest_minor), 8)}  ${pad(money(p.allocated_principal_minor), 9)}`);
  }
  lines.push('', `emails: ${outcome.emails.length}`, ...outcome.emails.map((mail) => `  ${mail.subject}`));
  lines.push('', `contract ${outcome.contractStatus}; run output ${JSON.stringify(outcome.runOutput)}`);
  return lines.join('\n');
}
