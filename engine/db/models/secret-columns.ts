import type { Pojo } from 'objection';

/** Hashes and ciphertexts: kept on the model for the code that checks them, never serialised out. */
export const SECRET_COLUMN = /_(hash|hashes|encrypted)$/;

export function omitSecretColumns(json: Pojo): Pojo {
  for (const key of Object.keys(json)) if (SECRET_COLUMN.test(key)) delete json[key];
  return json;
}
