import type { ActionDefinition } from '../action-definition';
import { HTTP_PAYMENTS_ACTIONS } from '../../connectors/http-payments/manifest';
import { announceOverdueInvoices } from './announce-overdue-invoices';
import { applyFinalAction } from './apply-final-action';
import { checkOverdueBalance } from './check-overdue-balance';
import { loadInvoice } from './load-invoice';
import { recordAttempt } from './record-attempt';
import { recordChargePayment } from './record-charge-payment';
import { sendBalanceReminder } from './send-balance-reminder';
import { sendReminder } from './send-reminder';

/** The dunning flow's actions, each in its own file beside this one, and the payment connector its retries charge through. */
export const DUNNING_ACTIONS: ActionDefinition<never>[] = [
  ...([announceOverdueInvoices, loadInvoice, sendReminder, recordAttempt, recordChargePayment, applyFinalAction, checkOverdueBalance, sendBalanceReminder] as unknown as ActionDefinition<never>[]),
  ...HTTP_PAYMENTS_ACTIONS,
];
