/** Collecting a contract's installments: schedule, late charges, payments and their allocation, completion and cancellation. */
export { createInstallmentSchedule, type ScheduledContract } from './create-schedule';
export { accrueContractCharges, type ContractAccrual } from './accrue-charges';
export { describeInstallment, type InstallmentView } from './describe-installment';
export { markInstallmentOverdue } from './mark-overdue';
export { recordInstallmentPayment, type InstallmentPaymentRequest, type RecordedInstallmentPayment } from './record-payment';
export { reverseInstallmentPayment, type InstallmentReversalRequest, type ReversedInstallmentPayment } from './reverse-payment';
export { cancelInstallmentSchedule, completeContractIfSettled, startInstallmentSchedule, INSTALLMENT_SCHEDULE_DEFINITION, type ContractSettlement } from './contract-lifecycle';
export { parseCollectionTerms, ALLOCATION_PARTS, type AllocationPart, type CollectionTerms } from './collection-terms';
export { allocatePayment, type Allocation, type MoneyParts } from './allocate-payment';
export { chargesApply, daysLate, interestThroughMinor, lateFeeMinor, type PrincipalMovement } from './late-charges';
export { CollectionTermsError, InstallmentCollectionRefusedError, InstallmentRecordNotFoundError } from './installment-errors';
export type { ReceiptRow } from './receipt-rows';
