/** Runs a data view can start for its record, as POST /api/runs bodies. */

/** A contract's installment schedule: the built-in flow's input names the contract, which is also its entity. */
export function installmentScheduleStart(contractId: string) {
  return { definition_key: 'installment-schedule', input: { contractId }, entity: { type: 'contract', id: contractId } };
}
