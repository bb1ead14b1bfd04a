import type * as Pg from 'pg';

/**
 * The pg driver, loaded the first time PostgreSQL is used: a server on SQLite
 * (the default) never loads it, which saves ~60 ms at every start. Types are
 * imported as types only, so nothing else here loads it either.
 */
export const pg = (): typeof Pg => require('pg') as typeof Pg;
