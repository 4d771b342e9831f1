// Workflow code is replayed by Temporal and must be deterministic: it may import only a few packages and the pure
// modules listed in the config. Relative paths are resolved before checking, so `../x/../../activities` cannot slip by.
import path from 'node:path';

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Only allowed packages, type-only imports and pure modules in deterministic (workflow) code' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          packages: { type: 'array', items: { type: 'string' } },
          pureModules: { type: 'array', items: { type: 'string' } },
        },
        required: ['root', 'packages', 'pureModules'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden:
        "'{{source}}' cannot be imported into code that runs inside Temporal workflows: it may import only {{packages}}, `import type` from anywhere, and the pure modules ({{pureModules}}). Side effects belong in activities/.",
      dynamic: 'Workflow code cannot load modules by a computed name.',
    },
  },
  create(context) {
    const { root, packages, pureModules } = context.options[0];
    const fileDir = path.dirname(context.filename);

    const allowed = (source) => {
      if (!source.startsWith('.')) return packages.some((name) => source === name || source.startsWith(`${name}/`));
      const target = path.relative(root, path.resolve(fileDir, source)).split(path.sep).join('/').replace(/\.(ts|js)$/, '');
      if (target.endsWith('.test')) return false;
      return pureModules.some((prefix) => target === prefix || target.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`));
    };
    const check = (node, source, typeOnly) => {
      if (typeOnly || typeof source !== 'string' || allowed(source)) return;
      context.report({ node, messageId: 'forbidden', data: { source, packages: packages.join(', '), pureModules: pureModules.join(', ') } });
    };
    const isTypeOnlyImport = (node) => node.importKind === 'type';

    return {
      ImportDeclaration: (node) => check(node, node.source.value, isTypeOnlyImport(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node, node.moduleReference.expression.value, node.importKind === 'type'),
      ImportExpression: (node) =>
        node.source.type === 'Literal' ? check(node, node.source.value, false) : context.report({ node, messageId: 'dynamic' }),
      'CallExpression[callee.name="require"]': (node) => {
        const [argument] = node.arguments;
        if (argument?.type === 'Literal') check(node, argument.value, false);
        else context.report({ node, messageId: 'dynamic' });
      },
    };
  },
};
