/**
 * The tie-strength model: how a relationship's signals become a strength in (0, 1].
 *
 * strength = clamp(base(kind) × recency × frequency × duration)
 *
 * - base: a prior by relationship kind (family and friends strongest, group co-members and
 *   professional-network connections such as LinkedIn's weakest).
 * - recency: `floor + (1 - floor) × 0.5^(days since last interaction / halfLifeDays)`.
 * - frequency: `low + (high - low) × (1 - e^(-interactionsPerMonth / scale))`, saturating.
 * - duration: `low + (high - low) × (1 - e^(-years / scaleYears))`, saturating.
 *
 * A signal that is absent contributes a factor of 1. An explicit `strength` on the relationship
 * wins over the model. The shape follows Granovetter (1973, 1974: frequency of contact, amount of
 * time, recency) and Gilbert & Karahalios (2009: intensity, duration and recency dimensions);
 * docs/tie-strength.md gives the reasoning and the defaults.
 *
 * @module
 */
import { formatPath, InvalidOptionsError, type Issue } from '../errors.js';
import { dateToTime, daysBetween, timeToDate } from './dates.js';
import { RELATIONSHIP_KINDS, type Relationship, type RelationshipKind } from './schema.js';

/** The parameters of the strength model. See docs/tie-strength.md. */
export interface StrengthModel {
  /** Strength of a tie of each kind before its signals are considered, in (0, 1]. */
  readonly kindBase: Readonly<Record<RelationshipKind, number>>;
  /** Days after which the part of strength that fades with time has halved. */
  readonly halfLifeDays: number;
  /** Share of strength that remains however long ago the last interaction was, in [0, 1]. */
  readonly recencyFloor: number;
  /** Frequency factor at 0 interactions a month. */
  readonly frequencyLow: number;
  /** Frequency factor approached at very frequent contact. */
  readonly frequencyHigh: number;
  /** Interactions a month at which the frequency factor is 63% of the way from low to high. */
  readonly frequencyScale: number;
  /** Duration factor for a tie that has just begun. */
  readonly durationLow: number;
  /** Duration factor approached by very old ties. */
  readonly durationHigh: number;
  /** Years at which the duration factor is 63% of the way from low to high. */
  readonly durationScaleYears: number;
  /** Derived strengths are raised to at least this (a known tie is never worth 0). */
  readonly minStrength: number;
  /** Derived strengths are capped at this (only an explicit strength may claim certainty). */
  readonly maxDerivedStrength: number;
}

/** Options accepted in place of a full model: any field may be left out, `kindBase` partly. */
export type StrengthModelOptions = Partial<Omit<StrengthModel, 'kindBase'>> & {
  readonly kindBase?: Partial<Record<RelationshipKind, number>>;
};

/** The default strength model (documented, with its reasons, in docs/tie-strength.md). */
export const DEFAULT_STRENGTH_MODEL: StrengthModel = Object.freeze({
  kindBase: Object.freeze({
    family: 0.85,
    friend: 0.75,
    mentor: 0.7,
    manager: 0.65,
    colleague: 0.6,
    client: 0.5,
    'former-colleague': 0.45,
    other: 0.3,
    'group-member': 0.25,
    // An accepted request on a professional network, and nothing more: the weakest evidence.
    connection: 0.2,
  }),
  halfLifeDays: 365,
  recencyFloor: 0.35,
  frequencyLow: 0.7,
  frequencyHigh: 1.25,
  frequencyScale: 4,
  durationLow: 0.85,
  durationHigh: 1.15,
  durationScaleYears: 3,
  minStrength: 0.01,
  maxDerivedStrength: 0.99,
});

type Bounds = readonly [min: number, max: number, minOpen: boolean];
const BOUNDS: Readonly<Record<Exclude<keyof StrengthModel, 'kindBase'>, Bounds>> = {
  halfLifeDays: [0, Number.MAX_VALUE, true],
  recencyFloor: [0, 1, false],
  frequencyLow: [0, Number.MAX_VALUE, true],
  frequencyHigh: [0, Number.MAX_VALUE, true],
  frequencyScale: [0, Number.MAX_VALUE, true],
  durationLow: [0, Number.MAX_VALUE, true],
  durationHigh: [0, Number.MAX_VALUE, true],
  durationScaleYears: [0, Number.MAX_VALUE, true],
  minStrength: [0, 1, true],
  maxDerivedStrength: [0, 1, true],
};

function checkNumber(
  value: unknown,
  [min, max, minOpen]: Bounds,
  path: PropertyKey[],
  issues: Issue[],
): void {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (minOpen ? value > min : value >= min) &&
    value <= max;
  if (!ok) {
    const range =
      max === Number.MAX_VALUE ? `greater than ${min}` : `in ${minOpen ? '(' : '['}${min}, ${max}]`;
    issues.push({
      code: 'out_of_range',
      path: formatPath(path),
      message: `must be a finite number ${range}, got ${String(value)}`,
    });
  }
}

/**
 * Completes partial model options with the defaults and checks every value.
 *
 * @throws InvalidOptionsError listing every out-of-range or unknown parameter.
 * @example
 * ```ts
 * const model = resolveStrengthModel({ halfLifeDays: 180, kindBase: { client: 0.6 } });
 * model.kindBase.friend; // 0.75, from DEFAULT_STRENGTH_MODEL
 * ```
 */
export function resolveStrengthModel(
  options: StrengthModelOptions | undefined,
  path = 'strengthModel',
): StrengthModel {
  if (options === undefined) return DEFAULT_STRENGTH_MODEL;
  const issues: Issue[] = [];
  const isObject = (value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(options)) {
    throw new InvalidOptionsError([
      { code: 'invalid_type', path, message: 'must be an object of model parameters' },
    ]);
  }
  if (options.kindBase !== undefined && !isObject(options.kindBase)) {
    throw new InvalidOptionsError([
      {
        code: 'invalid_type',
        path: `${path}.kindBase`,
        message: 'must be an object of strengths by relationship kind',
      },
    ]);
  }
  const model: Record<string, unknown> = { ...DEFAULT_STRENGTH_MODEL };
  for (const key of Object.keys(options)) {
    const value: unknown = (options as Record<string, unknown>)[key];
    if (key === 'kindBase') continue;
    if (!Object.hasOwn(BOUNDS, key)) {
      issues.push({
        code: 'unknown_field',
        path: `${path}.${key}`,
        message: `unknown strength model parameter ${JSON.stringify(key)}`,
      });
      continue;
    }
    checkNumber(value, BOUNDS[key as keyof typeof BOUNDS], [path, key], issues);
    model[key] = value;
  }
  const kindBase: Record<string, number> = { ...DEFAULT_STRENGTH_MODEL.kindBase };
  for (const kind of Object.keys(options.kindBase ?? {})) {
    const value: unknown = (options.kindBase as Record<string, unknown>)[kind];
    if (!(RELATIONSHIP_KINDS as readonly string[]).includes(kind)) {
      issues.push({
        code: 'unknown_field',
        path: `${path}.kindBase.${kind}`,
        message: `unknown relationship kind ${JSON.stringify(kind)}`,
      });
      continue;
    }
    checkNumber(value, [0, 1, true], [path, 'kindBase', kind], issues);
    kindBase[kind] = value as number;
  }
  model['kindBase'] = Object.freeze(kindBase);
  for (const [low, high] of [
    ['minStrength', 'maxDerivedStrength'],
    ['frequencyLow', 'frequencyHigh'],
    ['durationLow', 'durationHigh'],
  ] as const) {
    if (
      typeof model[low] === 'number' &&
      typeof model[high] === 'number' &&
      (model[low] as number) > (model[high] as number)
    ) {
      issues.push({
        code: 'out_of_range',
        path: `${path}.${low}`,
        message: `must not exceed ${high} (${String(model[high])}), got ${String(model[low])}`,
      });
    }
  }
  if (issues.length > 0) throw new InvalidOptionsError(issues);
  return Object.freeze(model) as unknown as StrengthModel;
}

/** One signal's contribution to a derived strength. */
export interface StrengthFactor {
  /** The signal: recency of `lastInteraction` (or `until`), `interactionsPerMonth`, or duration. */
  readonly signal: 'recency' | 'frequency' | 'duration';
  /** The input the factor came from: days since, interactions a month, or years. */
  readonly input: number;
  /** The multiplier applied. */
  readonly factor: number;
  /** The factor in words, e.g. `last interaction 120 days before 2024-05-01`. */
  readonly note: string;
}

/** How a relationship's strength was arrived at. */
export interface StrengthExplanation {
  /** The strength in (0, 1]. */
  readonly strength: number;
  /** `given` when the relationship states its strength, `derived` when the model computed it. */
  readonly source: 'given' | 'derived';
  /** The relationship kind. */
  readonly kind: RelationshipKind;
  /** The kind's base strength (for `derived`). */
  readonly base: number;
  /** The factors applied, in order (for `derived`; absent signals are not listed). */
  readonly factors: readonly StrengthFactor[];
  /** Signals present but not used, with the reason (e.g. an interaction after the reference date). */
  readonly ignored: readonly string[];
  /** The date recency and duration were measured to. */
  readonly referenceDate: string | undefined;
  /** Set when the product fell outside [minStrength, maxDerivedStrength] and was clamped. */
  readonly clamped: 'min' | 'max' | undefined;
  /** The whole computation in one line, e.g. `friend 0.75 × recency 0.90 × frequency 1.05 = 0.71`. */
  readonly text: string;
}

const round = (x: number, digits = 2): string => x.toFixed(digits);

/**
 * Computes a relationship's strength and how it was arrived at.
 *
 * @param relationship - A validated relationship.
 * @param referenceTime - Epoch milliseconds recency and duration are measured to, or `undefined`
 *   when the dataset has no dates (recency and duration are then left out).
 * @param model - A resolved model (see {@link resolveStrengthModel}).
 * @example
 * ```ts
 * const e = explainStrength({ source: 'a', target: 'b', kind: 'friend', interactionsPerMonth: 4 }, undefined, DEFAULT_STRENGTH_MODEL);
 * e.strength; // 0.75 × 1.0477 ≈ 0.786
 * ```
 * @see Granovetter, "The Strength of Weak Ties", American Journal of Sociology 78(6), 1973.
 * @see Gilbert & Karahalios, "Predicting Tie Strength With Social Media", CHI 2009.
 */
export function explainStrength(
  relationship: Relationship,
  referenceTime: number | undefined,
  model: StrengthModel,
): StrengthExplanation {
  const kind = relationship.kind;
  const base = model.kindBase[kind];
  const referenceDate = referenceTime === undefined ? undefined : timeToDate(referenceTime);
  if (relationship.strength !== undefined) {
    return Object.freeze({
      strength: relationship.strength,
      source: 'given',
      kind,
      base,
      factors: Object.freeze([]),
      ignored: Object.freeze([]),
      referenceDate,
      clamped: undefined,
      text: `${kind}, strength ${relationship.strength} as given`,
    });
  }
  const factors: StrengthFactor[] = [];
  const ignored: string[] = [];
  const last = relationship.lastInteraction ?? relationship.until;
  if (last !== undefined && referenceTime !== undefined) {
    const days = daysBetween(dateToTime(last), referenceTime);
    if (days < 0) {
      ignored.push(
        `${relationship.lastInteraction ? 'lastInteraction' : 'until'} ${last} is after the reference date ${referenceDate}`,
      );
    } else {
      const factor =
        model.recencyFloor + (1 - model.recencyFloor) * 0.5 ** (days / model.halfLifeDays);
      const what = relationship.lastInteraction ? 'last interaction' : 'ended';
      factors.push({
        signal: 'recency',
        input: days,
        factor,
        note: `${what} ${Math.round(days)} days before ${referenceDate}`,
      });
    }
  }
  const perMonth = relationship.interactionsPerMonth;
  if (perMonth !== undefined) {
    const factor =
      model.frequencyLow +
      (model.frequencyHigh - model.frequencyLow) * (1 - Math.exp(-perMonth / model.frequencyScale));
    factors.push({
      signal: 'frequency',
      input: perMonth,
      factor,
      note: `${perMonth} interactions a month`,
    });
  }
  if (relationship.since !== undefined && referenceTime !== undefined) {
    const end = Math.min(
      relationship.until === undefined ? referenceTime : dateToTime(relationship.until),
      referenceTime,
    );
    const years = daysBetween(dateToTime(relationship.since), end) / 365.25;
    if (years < 0) {
      ignored.push(`since ${relationship.since} is after the reference date ${referenceDate}`);
    } else {
      const factor =
        model.durationLow +
        (model.durationHigh - model.durationLow) *
          (1 - Math.exp(-years / model.durationScaleYears));
      factors.push({
        signal: 'duration',
        input: years,
        factor,
        note: `known for ${round(years, 1)} years`,
      });
    }
  }
  let strength = base;
  for (const f of factors) strength *= f.factor;
  let clamped: 'min' | 'max' | undefined;
  if (strength < model.minStrength) {
    strength = model.minStrength;
    clamped = 'min';
  } else if (strength > model.maxDerivedStrength) {
    strength = model.maxDerivedStrength;
    clamped = 'max';
  }
  const terms = [`${kind} ${round(base)}`, ...factors.map((f) => `${f.signal} ${round(f.factor)}`)];
  const text = `${terms.join(' × ')} = ${round(strength)}${clamped ? ` (clamped to ${clamped})` : ''}`;
  return Object.freeze({
    strength,
    source: 'derived',
    kind,
    base,
    factors: Object.freeze(factors.map((f) => Object.freeze(f))),
    ignored: Object.freeze(ignored),
    referenceDate,
    clamped,
    text,
  });
}
