/**
 * The zod schemas of a warmpath dataset and the types inferred from them. They check the shape of
 * one record at a time; references between records (a relationship's people, a job's hiring
 * manager, ...) are checked by `createNetwork`. See docs/model.md for every field.
 *
 * @module
 */
import { z } from 'zod';
import { dateProblem } from './dates.js';

/** Kinds of relationship between two people. */
export const RELATIONSHIP_KINDS = [
  'colleague',
  'former-colleague',
  'manager',
  'friend',
  'family',
  'client',
  'mentor',
  'group-member',
  'other',
  /** A connection on a professional network such as LinkedIn, with no other evidence. */
  'connection',
] as const;
/** Whether a person may be asked to pass an introduction on. */
export const INTRODUCTION_POLICIES = ['open', 'ask-first', 'never'] as const;
/** The state of a job. */
export const JOB_STATUSES = ['open', 'filled', 'closed'] as const;
/** How a hire (or an application) came about. */
export const HIRE_CHANNELS = [
  'referral',
  'posting',
  'recruiter',
  'internal',
  'direct',
  'unknown',
] as const;
/** How far an application got. */
export const APPLICATION_STAGES = [
  'applied',
  'interviewed',
  'offered',
  'hired',
  'rejected',
] as const;

export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];
export type IntroductionPolicy = (typeof INTRODUCTION_POLICIES)[number];
export type JobStatus = (typeof JOB_STATUSES)[number];
export type HireChannel = (typeof HIRE_CHANNELS)[number];
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

/** An id: any non-empty string (`"__proto__"`, emoji and long ids included). */
export const IdSchema = z.string().min(1, { error: 'must be a non-empty string' });
/** Free text that, when present, is not empty (omit the field instead of giving ""). */
export const TextSchema = z
  .string()
  .min(1, { error: 'must not be empty (omit the field instead)' });
/** An ISO 8601 date or a date-time with a zone. */
export const DateSchema = z.string().check((ctx) => {
  const problem = dateProblem(ctx.value);
  if (problem) {
    ctx.issues.push({
      code: 'custom',
      message: problem,
      input: ctx.value,
      params: { code: 'invalid_date' },
    });
  }
});

/** A scalar value of a custom attribute. */
export type AttributeValue = string | number | boolean;
/** Custom data a record carries for the user (e.g. `{ cohort: "2023", region: "north" }`). */
export type Attributes = { readonly [key: string]: AttributeValue };

const ATTRIBUTE_VALUE = z.union([z.string(), z.number(), z.boolean()]);

/**
 * Custom attributes. Written by hand rather than with `z.record` so that keys such as `__proto__`
 * are kept as data instead of changing the object's prototype.
 */
export const AttributesSchema = z.custom<Attributes>().check((ctx) => {
  const value: unknown = ctx.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.issues.push({
      code: 'custom',
      message: 'must be an object of string, number or boolean values',
      input: value,
    });
    return;
  }
  for (const key of Object.keys(value)) {
    const item: unknown = (value as Record<string, unknown>)[key];
    if (!ATTRIBUTE_VALUE.safeParse(item).success) {
      ctx.issues.push({
        code: 'custom',
        message: 'must be a string, a finite number or a boolean',
        input: item,
        path: [key],
      });
    }
  }
});

const strength = z
  .number()
  .gt(0, {
    error: 'must be greater than 0 (a tie of strength 0 is no tie: leave the relationship out)',
  })
  .lte(1, { error: 'must be at most 1' });

/** A role a person held: where, as what, and when. */
export const PositionSchema = z.strictObject({
  title: TextSchema,
  organizationId: IdSchema.optional(),
  organizationName: TextSchema.optional(),
  from: DateSchema.optional(),
  to: DateSchema.optional(),
});

/** A person in the network. */
export const PersonSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  organizationId: IdSchema.optional(),
  title: TextSchema.optional(),
  skills: z.array(TextSchema).optional(),
  tags: z.array(TextSchema).optional(),
  positions: z.array(PositionSchema).optional(),
  introductions: z.enum(INTRODUCTION_POLICIES).optional(),
  /** The most introductions this person passes on in one plan (`planIntroductions`); no limit when left out. */
  maxIntroductionsPerPeriod: z
    .number()
    .check((ctx) => {
      if (!Number.isSafeInteger(ctx.value) || ctx.value < 0) {
        ctx.issues.push({
          code: 'custom',
          message: `must be a whole number, 0 or more, got ${ctx.value}`,
          input: ctx.value,
          params: { code: 'out_of_range' },
        });
      }
    })
    .optional(),
  attributes: AttributesSchema.optional(),
});

/** An organisation people work at and jobs belong to. */
export const OrganizationSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  industry: TextSchema.optional(),
  attributes: AttributesSchema.optional(),
});

/** A job at an organisation, with the person who decides the hire. */
export const JobSchema = z.strictObject({
  id: IdSchema,
  title: TextSchema,
  organizationId: IdSchema,
  hiringManagerId: IdSchema,
  requirements: z.array(TextSchema),
  status: z.enum(JOB_STATUSES),
  openedAt: DateSchema.optional(),
  filledAt: DateSchema.optional(),
  filledBy: IdSchema.optional(),
  attributes: AttributesSchema.optional(),
});

/** A networking group; membership implies a weak tie between its members. */
export const GroupSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  members: z.array(IdSchema),
  attributes: AttributesSchema.optional(),
});

/** A relationship between two people, with an explicit strength or the signals it is derived from. */
export const RelationshipSchema = z.strictObject({
  source: IdSchema,
  target: IdSchema,
  kind: z.enum(RELATIONSHIP_KINDS),
  strength: strength.optional(),
  since: DateSchema.optional(),
  until: DateSchema.optional(),
  lastInteraction: DateSchema.optional(),
  interactionsPerMonth: z.number().min(0, { error: 'must be 0 or more' }).optional(),
  directed: z.boolean().optional(),
  context: TextSchema.optional(),
  /**
   * Who may see the relationship: person ids and team names (free text), each once. Absent:
   * everyone. Given: those people and teams only, plus its two ends (so `[]` means its two ends
   * only). See docs/privacy.md.
   */
  visibleTo: z.array(IdSchema).optional(),
  attributes: AttributesSchema.optional(),
});

/** A person hired into a job, and how. */
export const HireSchema = z.strictObject({
  personId: IdSchema,
  jobId: IdSchema,
  date: DateSchema,
  channel: z.enum(HIRE_CHANNELS),
  referrerId: IdSchema.optional(),
  attributes: AttributesSchema.optional(),
});

/** An application to a job and how far it got. */
export const ApplicationSchema = z.strictObject({
  personId: IdSchema,
  jobId: IdSchema,
  date: DateSchema,
  channel: z.enum(HIRE_CHANNELS),
  stage: z.enum(APPLICATION_STAGES),
  referrerId: IdSchema.optional(),
  attributes: AttributesSchema.optional(),
});

export type Position = z.output<typeof PositionSchema>;
export type Person = z.output<typeof PersonSchema>;
export type Organization = z.output<typeof OrganizationSchema>;
export type Job = z.output<typeof JobSchema>;
export type Group = z.output<typeof GroupSchema>;
export type Relationship = z.output<typeof RelationshipSchema>;
export type Hire = z.output<typeof HireSchema>;
export type Application = z.output<typeof ApplicationSchema>;

/** The collections of a dataset, in the order they are validated, written and read. */
export const COLLECTIONS = [
  'organizations',
  'people',
  'jobs',
  'groups',
  'relationships',
  'hires',
  'applications',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** The schema of one record of each collection. */
export const RECORD_SCHEMAS = {
  organizations: OrganizationSchema,
  people: PersonSchema,
  jobs: JobSchema,
  groups: GroupSchema,
  relationships: RelationshipSchema,
  hires: HireSchema,
  applications: ApplicationSchema,
} as const;

/** A whole dataset, as `createNetwork` accepts it: every collection is optional. */
export const NetworkInputSchema = z.strictObject({
  format: z.literal('warmpath').optional(),
  version: z.literal(1).optional(),
  organizations: z.array(OrganizationSchema).optional(),
  people: z.array(PersonSchema).optional(),
  jobs: z.array(JobSchema).optional(),
  groups: z.array(GroupSchema).optional(),
  relationships: z.array(RelationshipSchema).optional(),
  hires: z.array(HireSchema).optional(),
  applications: z.array(ApplicationSchema).optional(),
});

type RawNetworkInput = z.input<typeof NetworkInputSchema>;

/** What `createNetwork` accepts (a {@link Dataset}, or a network's `dataset`, included). */
export type NetworkInput = {
  readonly [K in keyof RawNetworkInput]?: NonNullable<RawNetworkInput[K]> extends (infer T)[]
    ? readonly T[]
    : RawNetworkInput[K];
};

/** A validated dataset: every collection present, records frozen, exactly as given otherwise. */
export interface Dataset {
  readonly organizations: readonly Organization[];
  readonly people: readonly Person[];
  readonly jobs: readonly Job[];
  readonly groups: readonly Group[];
  readonly relationships: readonly Relationship[];
  readonly hires: readonly Hire[];
  readonly applications: readonly Application[];
}
