import { workspaceTables } from './001-workspace';
import { peopleTables } from './002-people';
import type { SchemaMigration } from './types';

/** Every schema migration, in order. Never edit one that has shipped: add the next. */
export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [workspaceTables, peopleTables];
export type { SchemaMigration } from './types';
