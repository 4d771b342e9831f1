/** Tables the engine adds beside the seed's data model: versioned definitions and the record of runs. */
export const ENGINE_TABLES = ['workflow_definitions', 'workflow_definition_versions', 'workflow_runs'] as const;
