/** Tables the engine adds beside the seed's data model: versioned definitions, the record of runs, the domain-event outbox, sent emails, dunning attempts, invoice lines, API keys. */
export const ENGINE_TABLES = ['workflow_definitions', 'workflow_definition_versions', 'workflow_runs', 'domain_events', 'outbound_emails', 'dunning_attempts', 'invoice_lines', 'api_keys'] as const;
