import { CompanySettings } from '../../db/models';
import { checkTimeZone } from '../http/time-zone-check';
import { rowSchema } from '../resources/resource-schemas';
import type { RouteDefinition } from '../routing/route-definition';
import { closedObject } from '../routing/schema-helpers';

const SETTINGS_ROW = rowSchema({ table: 'company_settings', model: CompanySettings, tag: 'Company', summary: 'company settings', filters: [] });

// next_invoice_number is the tenant's invoice sequence: only issuing an invoice moves it, so no client can reuse a number.
const settingsBody = {
  ...closedObject({
    time_zone: { type: 'string', minLength: 1, maxLength: 64 },
    default_currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    locale: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Z]{2})?$' },
    invoice_prefix: { type: 'string', maxLength: 16, pattern: '^[A-Za-z0-9/_-]*$' },
  }),
  minProperties: 1,
};

/** The company's one settings row (time zone, currency, locale, invoice prefix): read it, change it. */
export function companySettingsRoutes(): RouteDefinition[] {
  return [
    {
      operationId: 'getCompanySettings',
      method: 'get',
      path: '/api/company-settings',
      summary: "The company's settings: time zone, default currency, locale, invoice prefix and the next invoice number",
      tag: 'Company',
      access: { permission: 'company_settings.read' },
      responses: { 200: { description: 'The settings', schema: SETTINGS_ROW } },
      handler: async ({ scope }) => ({ body: (await scope!.query(CompanySettings).first())!.toJSON() }),
    },
    {
      operationId: 'updateCompanySettings',
      method: 'patch',
      path: '/api/company-settings',
      summary: "Change the company's settings (the invoice sequence moves only by issuing invoices)",
      tag: 'Company',
      access: { permission: 'company_settings.write' },
      body: settingsBody,
      bodyExample: { time_zone: 'Europe/Lisbon', invoice_prefix: 'INV-' },
      responses: { 200: { description: 'The changed settings', schema: SETTINGS_ROW } },
      handler: async ({ scope, body }) => {
        const changes = body as Record<string, unknown>;
        checkTimeZone(changes.time_zone);
        const row = await scope!.transaction(async (tx) => {
          await tx.query(CompanySettings).patch(changes);
          return tx.query(CompanySettings).first();
        });
        return { body: row!.toJSON() };
      },
    },
  ];
}
