import type { Model, ModelClass } from 'objection';
import * as models from '../../engine/db/models';
import { TenantModel } from '../../engine/db/models/tenant-model';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

interface Column {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: 'YES' | 'NO';
  character_maximum_length: number | null;
  column_default: string | null;
}
interface PropertySchema {
  type?: string | string[];
  enum?: (string | null)[];
  maxLength?: number;
}

let db: TestDatabase;
let columnsByTable: Map<string, Column[]>;
let enumsByColumn: Map<string, string[]>;

beforeAll(async () => {
  db = await createTestDatabase();
  const columns: Column[] = await db.knex('information_schema.columns').where({ table_schema: 'public' }).select();
  columnsByTable = new Map();
  for (const column of columns) columnsByTable.set(column.table_name, [...(columnsByTable.get(column.table_name) ?? []), column]);
  // `col IN ('a', 'b')` comes back from PostgreSQL as `(col)::text = ANY ((ARRAY['a'::character varying, …])::text[])`.
  const { rows } = await db.knex.raw(`SELECT conrelid::regclass::text AS table_name, pg_get_constraintdef(oid) AS definition
    FROM pg_constraint WHERE contype = 'c' AND conrelid <> 0`);
  enumsByColumn = new Map();
  for (const { table_name, definition } of rows as { table_name: string; definition: string }[]) {
    const match = /\(\((\w+)\)::text = ANY \(\(ARRAY\[(.*?)\]\)/.exec(definition);
    if (match) enumsByColumn.set(`${table_name}.${match[1]}`, [...match[2].matchAll(/'([^']*)'::/g)].map((m) => m[1]));
  }
});
afterAll(() => db.drop());

const registry = Object.values(models) as ModelClass<Model>[];
const JSON_TYPE: Record<string, string | undefined> = {
  uuid: 'string',
  'character varying': 'string',
  text: 'string',
  date: 'string',
  'timestamp with time zone': 'string',
  numeric: 'string',
  bigint: 'integer',
  integer: 'integer',
  boolean: 'boolean',
  jsonb: undefined,
};

function schemaOf(model: ModelClass<Model>): { required: string[]; properties: Record<string, PropertySchema> } {
  const schema = model.jsonSchema as { required?: string[]; properties: Record<string, PropertySchema> };
  return { required: schema.required ?? [], properties: schema.properties };
}

/** Columns a model's schema describes: all but the key, the timestamps and (for tenant models) the company_id the scope fills. */
function describedColumns(model: ModelClass<Model>): Column[] {
  const skipped = ['id', 'created_at', 'updated_at', ...(model.prototype instanceof TenantModel ? ['company_id'] : [])];
  return (columnsByTable.get(model.tableName) ?? []).filter((column) => !skipped.includes(column.column_name));
}

function allowsNull(property: PropertySchema): boolean {
  if (property.enum) return property.enum.includes(null);
  return property.type === undefined || [property.type].flat().includes('null');
}

test.each(registry.map((model) => [model.name, model]))('%s jsonSchema lists exactly its table columns', (_name, model) => {
  expect(Object.keys(schemaOf(model).properties).sort()).toEqual(describedColumns(model).map((c) => c.column_name).sort());
});

test.each(registry.map((model) => [model.name, model]))('%s jsonSchema types, nullability, lengths and enums match the columns', (_name, model) => {
  const { properties } = schemaOf(model);
  const mismatches: string[] = [];
  for (const column of describedColumns(model)) {
    const property = properties[column.column_name];
    const where = `${model.tableName}.${column.column_name}`;
    const expectedType = JSON_TYPE[column.data_type];
    if (expectedType && !property.enum && ![property.type].flat().includes(expectedType)) mismatches.push(`${where}: type ${property.type}, column ${column.data_type}`);
    if (column.data_type !== 'jsonb' && allowsNull(property) !== (column.is_nullable === 'YES')) mismatches.push(`${where}: null allowed ${allowsNull(property)}`);
    if (!property.enum && column.character_maximum_length !== null && property.maxLength !== column.character_maximum_length) {
      mismatches.push(`${where}: maxLength ${property.maxLength}, column ${column.character_maximum_length}`);
    }
    const checked = enumsByColumn.get(where);
    if (checked && JSON.stringify(property.enum?.filter((v) => v !== null)) !== JSON.stringify(checked)) mismatches.push(`${where}: enum ${property.enum}, CHECK ${checked}`);
  }
  expect(mismatches).toEqual([]);
});

test.each(registry.map((model) => [model.name, model]))('%s requires its NOT NULL columns without defaults, except keys relations fill in', (_name, model) => {
  const { required } = schemaOf(model);
  const columns = describedColumns(model);
  // Foreign keys and attachment hosts are set by relation inserts after validation; NOT NULL still guards them.
  const filledByRelations = (c: Column) => c.data_type === 'uuid' || c.column_name === 'entity_type';
  const mustRequire = columns.filter((c) => c.is_nullable === 'NO' && c.column_default === null && !filledByRelations(c)).map((c) => c.column_name);
  const notNull = columns.filter((c) => c.is_nullable === 'NO').map((c) => c.column_name);
  expect({ missing: mustRequire.filter((c) => !required.includes(c)), nullable: required.filter((c) => !notNull.includes(c)) }).toEqual({ missing: [], nullable: [] });
});
