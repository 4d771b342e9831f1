import type { Knex } from 'knex';

// RFC 6238 §5.2: a TOTP code may be accepted only once. Each user's row remembers the last 30 s time step whose code
// was accepted; a code counts only when its step is later, claimed by one conditional UPDATE. 0 is before every step.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('two_factors', (t) => {
    t.bigInteger('last_totp_step').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('two_factors', (t) => {
    t.dropColumn('last_totp_step');
  });
}
