// Filled in with the migrated template database; see test/helpers/test-database.ts.
export default async function globalSetup(): Promise<void> {}
