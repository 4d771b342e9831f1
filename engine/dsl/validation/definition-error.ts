/** One problem with a definition, located by JSON Pointer and worded for a tenant admin. */
export interface DefinitionError {
  pointer: string;
  message: string;
}

export function uniqueDefinitionErrors(errors: DefinitionError[]): DefinitionError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.pointer}\n${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
