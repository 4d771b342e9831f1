/** The actions a tenant may call: built-ins like core.sendEmail and pinned connector verbs like stripe@2.createRefund. */

/** An action as the catalogue knows it: its name and, when known, the JSON Schema of its input. */
export interface ActionSignature {
  name: string;
  inputSchema?: { required?: readonly string[]; properties?: Readonly<Record<string, unknown>>; additionalProperties?: unknown };
}

/** The input keys an action needs, and those it accepts (undefined: any key, the schema allows extra properties). */
export interface ActionInputShape {
  required: string[];
  accepted: string[] | undefined;
}

export interface ActionCatalogue {
  has(action: string): boolean;
  /** What the action's input must and may hold, when its schema is known; undefined otherwise. */
  inputShape(action: string): ActionInputShape | undefined;
  /** Why `action` is not callable, in a sentence that helps fix it. */
  explainUnknown(action: string): string;
}

const CONNECTOR_ACTION = /^([a-z][a-z0-9-]*)@([1-9][0-9]*)\.(.+)$/;

function shapeOf(schema: ActionSignature['inputSchema']): ActionInputShape | undefined {
  if (!schema) return undefined;
  const accepted = schema.additionalProperties === false ? Object.keys(schema.properties ?? {}) : undefined;
  return { required: [...(schema.required ?? [])], accepted };
}

/** Names alone (as a worker's registry lists them) or signatures with input schemas, which also check input keys. */
export function createActionCatalogue(actions: Iterable<string | ActionSignature>): ActionCatalogue {
  const signatures = [...actions].map((action) => (typeof action === 'string' ? { name: action } : action));
  const known = new Set(signatures.map((signature) => signature.name));
  const shapes = new Map(signatures.map((signature) => [signature.name, shapeOf(signature.inputSchema)]));
  const versionsOf = (slug: string) => [...known].flatMap((name) => {
    const match = CONNECTOR_ACTION.exec(name);
    return match && match[1] === slug ? [match[2]] : [];
  });
  return {
    has: (action) => known.has(action),
    inputShape: (action) => shapes.get(action),
    explainUnknown(action) {
      const match = CONNECTOR_ACTION.exec(action);
      if (!match) {
        const builtIns = [...known].filter((name) => name.startsWith('core.')).sort();
        return `"${action}" is not a built-in action; the built-in actions are ${builtIns.join(', ') || 'none'}`;
      }
      const [, slug, version, verb] = match;
      const versions = [...new Set(versionsOf(slug))].sort();
      if (versions.length === 0) return `there is no connector "${slug}"`;
      if (!versions.includes(version)) return `connector "${slug}" has no version ${version}; its versions are ${versions.join(', ')}`;
      return `connector ${slug}@${version} has no action "${verb}"`;
    },
  };
}
