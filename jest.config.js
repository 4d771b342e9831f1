/** Jest runs every *.test.ts under the project's source folders; each DB test file gets its own database. */
const fs = require('node:fs');
const path = require('node:path');

// Folders that hold no test yet (an empty folder is not in git) are left out, so a fresh clone still runs.
const sourceFolders = ['engine', 'workflows', 'activities', 'connectors', 'definitions', 'studio', 'test'].filter((folder) => fs.existsSync(path.join(__dirname, folder)));

module.exports = {
  testEnvironment: 'node',
  roots: sourceFolders.map((folder) => `<rootDir>/${folder}`),
  testMatch: ['**/*.test.ts'],
  // Built studio bundles and installed packages hold no tests of ours.
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
