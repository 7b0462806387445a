/**
 * The files and columns of the CSV dataset format: one file per collection (positions in their
 * own file), one column per schema field. Columns are read from the zod schemas, so the format
 * cannot drift from the model.
 *
 * @module
 */
import { z } from 'zod';
import { type CollectionName, PositionSchema, RECORD_SCHEMAS } from '../model/schema.js';

/** The files of a CSV dataset, in the order they are read, written and reported. */
export const CSV_FILES = [
  'organizations.csv',
  'people.csv',
  'positions.csv',
  'jobs.csv',
  'groups.csv',
  'relationships.csv',
  'hires.csv',
  'applications.csv',
] as const;
export type CsvFileName = (typeof CSV_FILES)[number];

/** The files of a CSV dataset: file name (e.g. `people.csv`) to its text. */
export type CsvFiles = Readonly<Record<string, string>>;

export type CellKind = 'text' | 'number' | 'boolean' | 'list' | 'positions' | 'attributes';
export interface Column {
  readonly name: string;
  readonly kind: CellKind;
  readonly required: boolean;
}
export interface Table {
  readonly file: CsvFileName;
  readonly columns: readonly Column[];
  /** Whether the records have custom attributes (`attributes.<key>` columns). */
  readonly attributes: boolean;
}

export const ATTRIBUTE_PREFIX = 'attributes.';

/** The cell kind of a schema field, read from the zod schema so that the two cannot drift. */
function kindOf(name: string, schema: z.ZodType): CellKind {
  if (name === 'attributes' || name === 'positions') return name;
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodNumber) return 'number';
  if (inner instanceof z.ZodBoolean) return 'boolean';
  if (inner instanceof z.ZodArray) return 'list';
  return 'text';
}

function columnsOf(shape: Readonly<Record<string, z.ZodType>>): Column[] {
  return Object.entries(shape).map(([name, schema]) => ({
    name,
    kind: kindOf(name, schema),
    required: !(schema instanceof z.ZodOptional),
  }));
}

function table(file: CsvFileName, shape: Readonly<Record<string, z.ZodType>>): Table {
  return { file, columns: columnsOf(shape), attributes: Object.hasOwn(shape, 'attributes') };
}

/** The table of each collection. */
export const TABLES: { readonly [C in CollectionName]: Table } = {
  organizations: table('organizations.csv', RECORD_SCHEMAS.organizations.shape),
  people: table('people.csv', RECORD_SCHEMAS.people.shape),
  jobs: table('jobs.csv', RECORD_SCHEMAS.jobs.shape),
  groups: table('groups.csv', RECORD_SCHEMAS.groups.shape),
  relationships: table('relationships.csv', RECORD_SCHEMAS.relationships.shape),
  hires: table('hires.csv', RECORD_SCHEMAS.hires.shape),
  applications: table('applications.csv', RECORD_SCHEMAS.applications.shape),
};
/** People's positions, one row each, linked to their person by `personId`. */
export const POSITIONS: Table = table('positions.csv', {
  personId: z.string(),
  ...PositionSchema.shape,
});
export const COLLECTION_OF_FILE = new Map<string, CollectionName>(
  Object.entries(TABLES).map(([collection, t]) => [t.file, collection as CollectionName]),
);
