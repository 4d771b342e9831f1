import type { ActionDefinition } from '../action-definition';
import { accrueContractCharges } from './accrue-contract-charges';
import { completeContractIfSettled } from './complete-contract-if-settled';
import { markInstallmentOverdue } from './mark-installment-overdue';
import { readInstallment } from './read-installment';
import { scheduleContractInstallments } from './schedule-contract-installments';

/** The installment flow's actions; each lives in its own file beside this one. */
export const INSTALLMENT_ACTIONS: ActionDefinition<never>[] = [
  scheduleContractInstallments,
  readInstallment,
  markInstallmentOverdue,
  accrueContractCharges,
  completeContractIfSettled,
] as unknown as ActionDefinition<never>[];
