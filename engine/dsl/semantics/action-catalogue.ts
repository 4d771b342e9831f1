/** The actions a tenant may call: built-ins like core.sendEmail and pinned connector verbs like stripe@2.createRefund. */

export interface ActionCatalogue {
  has(action: string): boolean;
  /** Why `action` is not callable, in a sentence that helps fix it. */
  explainUnknown(action: string): string;
}

const CONNECTOR_ACTION = /^([a-z][a-z0-9-]*)@([1-9][0-9]*)\.(.+)$/;

export function createActionCatalogue(actions: Iterable<string>): ActionCatalogue {
  const known = new Set(actions);
  const versionsOf = (slug: string) => [...known].flatMap((name) => {
    const match = CONNECTOR_ACTION.exec(name);
    return match && match[1] === slug ? [match[2]] : [];
  });
  return {
    has: (action) => known.has(action),
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
