import type { Pojo, RelationMappings } from 'objection';
import { hostAttachments } from './host-attachments';
import { boolean, currency, nullable, signedMoney, text } from './schema-fields';
import { omitSecretColumns } from './secret-columns';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Activity } from './activity';
import type { BankStatementEntry } from './bank-statement-entry';
import type { CalendarEvent } from './calendar-event';
import type { Company } from './company';
import type { Document } from './document';
import type { Payment } from './payment';
import type { Task } from './task';

/** An account payments settle into; only the last four digits are plain, the IBAN is stored encrypted. */
export class BankAccount extends TenantModel {
  static override tableName = 'bank_accounts';

  name!: string;
  bank_name!: string | null;
  account_number_last4!: string | null;
  iban_encrypted!: string | null;
  currency!: string;
  opening_balance_minor!: number;
  active!: boolean;

  company?: Company | null;
  payments?: Payment[];
  statementEntries?: BankStatementEntry[];
  documents?: Document[];
  calendarEvents?: CalendarEvent[];
  tasks?: Task[];
  attachedActivities?: Activity[];

  static override jsonSchema = {
    type: 'object',
    required: ['name', 'currency'],
    properties: {
      name: text(120),
      bank_name: nullable(text(120)),
      account_number_last4: nullable(text(4)),
      iban_encrypted: nullable(text()),
      currency,
      opening_balance_minor: signedMoney,
      active: boolean,
    },
  };

  override $formatJson(json: Pojo): Pojo {
    return omitSecretColumns(super.$formatJson(json));
  }

  static override relationMappings = (): RelationMappings => ({
    company: { relation: TenantModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'bank_accounts.company_id', to: 'companies.id' } },
    payments: { relation: TenantModel.HasManyRelation, modelClass: 'payment', join: tenantJoin('bank_accounts', 'id', 'payments', 'bank_account_id') },
    statementEntries: {
      relation: TenantModel.HasManyRelation,
      modelClass: 'bank-statement-entry',
      join: tenantJoin('bank_accounts', 'id', 'bank_statement_entries', 'bank_account_id'),
    },
    ...hostAttachments('bank_account'),
  });
}
