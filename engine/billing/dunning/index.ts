/** Dunning: the facts a run reads, the attempts it records, its final action, and the overdue balances of balance campaigns. */
export { loadInvoiceDunningFacts, type InvoiceDunningFacts } from './invoice-dunning-facts';
export { dunningKeys, recordDunningAttempt, type DunningAttemptRecord, type DunningAttemptKind, type DunningAttemptOutcome } from './dunning-attempts';
export { applyDunningFinalAction, type DunningFinalAction, type FinalActionRequest, type FinalActionOutcome } from './final-action';
export { balancesAtThreshold, contactOverdueBalances, type OverdueBalance } from './overdue-balance';
export { OVERDUE_BALANCE_TEMPLATE, OVERDUE_BALANCE_TEMPLATE_NAME } from './balance-reminder-template';
export { emitOverdueInvoiceEvents } from './overdue-invoices';
export { activeUsersWithRole, renderDunningMessage, UnknownMessageTemplateError } from './message-templates';
