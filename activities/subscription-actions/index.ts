import type { ActionDefinition } from '../action-definition';
import { allocateInvoiceRevenue } from './allocate-invoice-revenue';
import { changeSubscriptionPlan } from './change-subscription-plan';
import { emailSubscriptionCustomer } from './email-subscription-customer';
import { markSubscriptionPastDue } from './mark-subscription-past-due';
import { recordPendingSubscriptionChange } from './record-pending-subscription-change';
import { renewSubscription } from './renew-subscription';
import { setSubscriptionStatus } from './set-subscription-status';
import { startSubscription } from './start-subscription';

/** The subscription flow's actions; each lives in its own file beside this one. */
export const SUBSCRIPTION_ACTIONS: ActionDefinition<never>[] = [
  startSubscription, renewSubscription, changeSubscriptionPlan, recordPendingSubscriptionChange, setSubscriptionStatus,
  markSubscriptionPastDue, allocateInvoiceRevenue, emailSubscriptionCustomer,
] as unknown as ActionDefinition<never>[];
