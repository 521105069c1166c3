import { workspaceTables } from './001-workspace';
import { peopleTables } from './002-people';
import { evidenceTables } from './003-evidence';
import type { SchemaMigration } from './types';

/** Every schema migration, in order. Never edit one that has shipped: add the next. */
export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [workspaceTables, peopleTables, evidenceTables];
export type { SchemaMigration } from './types';
