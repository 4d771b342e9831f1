/** JSON Schema fragments the dunning actions' inputs share. */
export const uuidField = { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' };
export const calendarDateField = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
export const currencyField = { type: 'string', pattern: '^[A-Z]{3}$' };
export const templateNameField = { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 64 };
export const roleKeyField = { type: 'string', minLength: 1, maxLength: 64 };
export const indexField = { type: 'integer', minimum: 0, maximum: 1000 };
