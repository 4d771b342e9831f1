import { DataError } from '../../db/errors/tenant-errors';

/** A contract or installment that is not in this tenant. */
export class InstallmentRecordNotFoundError extends DataError {
  constructor(kind: 'contract' | 'installment' | 'payment', id: string) {
    super(`There is no ${kind} ${id}`, 404, `${kind}_not_found`, { [`${kind}Id`]: id });
  }
}

/** The contract cannot be collected in its state (canceled, completed, no schedule yet), or a request does not fit it. */
export class InstallmentCollectionRefusedError extends DataError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, 409, 'installment_collection_refused', details);
  }
}

/** Collection terms (grace days, percentages, allocation order) that cannot be applied. */
export class CollectionTermsError extends DataError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, 422, 'collection_terms_invalid', details);
  }
}
