/** The subscription lifecycle's domain: activation, the requests people make, and the steps the lifecycle run takes. */
export { activateSubscription, type ActivateSubscriptionRequest, type ActivatedSubscription } from './activate-subscription';
export {
  requestPlanChange, requestCancellation, withdrawPendingChange, pauseSubscription, resumeSubscription, type ChangeRequested, type Effective,
} from './change-requests';
export { startSubscription, type StartSubscriptionRequest, type SubscriptionSnapshot } from './start-subscription';
export { renewSubscription, type RenewSubscriptionRequest, type RenewedSubscription } from './renew-subscription';
export { changePlanNow, recordPendingChange, type ChangePlanNowRequest, type PlanChanged, type PendingChangeRequest } from './change-plan';
export { setSubscriptionStatus, markPastDue, type StatusChangeRequest, type StatusChanged, type MarkPastDueRequest } from './status-changes';
export { prorate, type Proration, type ProrationInput } from './proration';
export { intervalMonths } from './plans';
export { SUBSCRIPTION_STATUSES, SUBSCRIPTION_TRANSITIONS, CURRENT_STATUSES, canTransition, type SubscriptionStatus, type SubscriptionTransition } from './subscription-status';
export { SubscriptionAlreadyActiveError, SubscriptionNotFoundError, SubscriptionChangeRefusedError, PlanNotEligibleError } from './subscription-errors';
