/** JSON Schema fragments the subscription actions' inputs share. */
export const uuidField = { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' } as const;
export const dateField = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
export const instantField = { type: 'string', minLength: 20, maxLength: 40 } as const;
export const roundingField = { enum: ['half_up', 'half_even', 'down', 'up'] } as const;
