/** The 43 tables the seed's data model names, as the foundation issue lists them. */
export const SEED_TABLES = [
  'companies', 'company_settings', 'tenant_settings', 'company_domains', 'users', 'sessions', 'oauth_accounts', 'two_factors',
  'password_reset_tokens', 'email_verification_tokens', 'user_roles', 'user_permissions', 'contacts', 'deals', 'activities',
  'documents', 'calendar_events', 'tasks', 'invoices', 'products', 'services', 'sales', 'sale_items', 'inventory_movements',
  'contracts', 'contract_installments', 'payments', 'bank_accounts', 'plans', 'subscriptions', 'revenues', 'revenue_categories',
  'cost_centers', 'expenses', 'expense_categories', 'bank_statement_entries', 'integrations', 'webhook_endpoints',
  'webhook_deliveries', 'job_queue', 'notifications', 'report_schedules', 'kpis',
] as const;
