/** Scorecards compiled to SQL for DuckDB, PostgreSQL and warehouses: pure text, no database. */
export { DIALECTS, type DialectName } from './dialect';
export { SqlCompileError } from './errors';
export {
	addPeopleAndManual,
	SchemaBuilder,
	sqlSchemaOf,
	sqlSchemaOfFacts,
	type SqlSchema,
	type SqlType
} from './schema';
export type { WideLayout } from './layout';
export { scorecardsSql, type SqlOutput } from './scorecards';
export { tablesSql, ACCOUNT_COLUMNS } from './tables';
