/** One numbered schema migration of the team database: applied once, in order, in one transaction. */
export interface SchemaMigration {
  /** 1, 2, 3…: the order, and what `schema_migrations` records. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
