import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createNetwork,
  explainStrength,
  DEFAULT_STRENGTH_MODEL as M,
  type Relationship,
  resolveStrengthModel,
} from '../../src/index.js';

const REF = Date.UTC(2024, 5, 1); // 2024-06-01
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();

describe('explainStrength', () => {
  it('uses an explicit strength as given', () => {
    const e = explainStrength(
      { source: 'a', target: 'b', kind: 'friend', strength: 0.42, interactionsPerMonth: 30 },
      REF,
      M,
    );
    expect(e).toMatchObject({ strength: 0.42, source: 'given', factors: [] });
  });

  it('is the kind base when no signal is given', () => {
    for (const kind of Object.keys(M.kindBase) as (keyof typeof M.kindBase)[]) {
      expect(explainStrength({ source: 'a', target: 'b', kind }, REF, M).strength).toBe(
        M.kindBase[kind],
      );
    }
  });

  it('multiplies the documented recency, frequency and duration factors', () => {
    const rel: Relationship = {
      source: 'a',
      target: 'b',
      kind: 'colleague',
      since: iso(REF - 730.5 * DAY),
      lastInteraction: iso(REF - 90 * DAY),
      interactionsPerMonth: 3,
    };
    const e = explainStrength(rel, REF, M);
    // The formulas of docs/tie-strength.md, written out again here.
    const recency = 0.35 + 0.65 * 0.5 ** (90 / 365);
    const frequency = 0.7 + 0.55 * (1 - Math.exp(-3 / 4));
    const duration = 0.85 + 0.3 * (1 - Math.exp(-2 / 3));
    expect(e.source).toBe('derived');
    expect(e.factors.map((f) => f.signal)).toEqual(['recency', 'frequency', 'duration']);
    expect(e.factors[0]?.input).toBeCloseTo(90, 10);
    expect(e.factors[2]?.input).toBeCloseTo(2, 10);
    expect(e.strength).toBeCloseTo(0.6 * recency * frequency * duration, 12);
    expect(e.text).toMatch(
      /^colleague 0\.60 × recency 0\.\d\d × frequency 0\.\d\d × duration \d\.\d\d = 0\.\d\d$/,
    );
    expect(e.referenceDate).toBe('2024-06-01');
  });

  it('measures recency from `until` when there is no last interaction, and duration up to `until`', () => {
    const rel: Relationship = {
      source: 'a',
      target: 'b',
      kind: 'former-colleague',
      since: iso(REF - 4 * 365.25 * DAY),
      until: iso(REF - 365.25 * DAY),
    };
    const e = explainStrength(rel, REF, M);
    expect(e.factors.find((f) => f.signal === 'recency')?.input).toBeCloseTo(365.25, 6);
    expect(e.factors.find((f) => f.signal === 'duration')?.input).toBeCloseTo(3, 6);
  });

  it('ignores signals dated after the reference date, and says so', () => {
    const e = explainStrength(
      { source: 'a', target: 'b', kind: 'friend', lastInteraction: '2025-01-01' },
      REF,
      M,
    );
    expect(e.strength).toBe(M.kindBase.friend);
    expect(e.ignored).toEqual([
      'lastInteraction 2025-01-01 is after the reference date 2024-06-01',
    ]);
  });

  it('leaves recency and duration out when there is no reference date', () => {
    const e = explainStrength(
      {
        source: 'a',
        target: 'b',
        kind: 'friend',
        since: '2020-01-01',
        lastInteraction: '2024-01-01',
      },
      undefined,
      M,
    );
    expect(e.factors).toEqual([]);
    expect(e.strength).toBe(M.kindBase.friend);
  });

  it('clamps derived strengths to [minStrength, maxDerivedStrength]', () => {
    const strong = resolveStrengthModel({ kindBase: { family: 1 }, frequencyHigh: 2 });
    const high = explainStrength(
      { source: 'a', target: 'b', kind: 'family', interactionsPerMonth: 100 },
      REF,
      strong,
    );
    expect(high).toMatchObject({ strength: 0.99, clamped: 'max' });
    const weak = resolveStrengthModel({ kindBase: { other: 0.011 }, recencyFloor: 0 });
    const low = explainStrength(
      {
        source: 'a',
        target: 'b',
        kind: 'other',
        lastInteraction: '1990-01-01',
        interactionsPerMonth: 0,
      },
      REF,
      weak,
    );
    expect(low).toMatchObject({ strength: 0.01, clamped: 'min' });
  });

  it('is monotone in each signal and always in (0, 1]', () => {
    const kinds = Object.keys(M.kindBase) as (keyof typeof M.kindBase)[];
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        (kind, daysAgo, extraDays, perMonth, more) => {
          const at = (days: number, f: number) =>
            explainStrength(
              {
                source: 'a',
                target: 'b',
                kind,
                lastInteraction: iso(REF - days * DAY),
                since: iso(REF - 6000 * DAY),
                interactionsPerMonth: f,
              },
              REF,
              M,
            ).strength;
          const base = at(daysAgo, perMonth);
          expect(base).toBeGreaterThan(0);
          expect(base).toBeLessThanOrEqual(1);
          expect(at(daysAgo + extraDays, perMonth)).toBeLessThanOrEqual(base);
          expect(at(daysAgo, perMonth + more)).toBeGreaterThanOrEqual(base);
        },
      ),
    );
  });
});

describe('resolveStrengthModel', () => {
  it('returns the frozen defaults when given nothing', () => {
    expect(resolveStrengthModel(undefined)).toBe(M);
    expect(Object.isFrozen(M) && Object.isFrozen(M.kindBase)).toBe(true);
  });

  it('merges partial options over the defaults', () => {
    const model = resolveStrengthModel({ halfLifeDays: 180, kindBase: { client: 0.6 } });
    expect(model).toMatchObject({ halfLifeDays: 180, recencyFloor: M.recencyFloor });
    expect(model.kindBase).toMatchObject({ client: 0.6, friend: M.kindBase.friend });
  });

  it('lists every bad parameter at once', () => {
    expect(() =>
      resolveStrengthModel({
        halfLifeDays: 0,
        recencyFloor: 2,
        kindBase: { pal: 0.5 } as never,
        wat: 1,
      } as never),
    ).toThrow(
      expect.objectContaining({
        name: 'InvalidOptionsError',
        issues: [
          expect.objectContaining({ path: 'strengthModel.halfLifeDays' }),
          expect.objectContaining({ path: 'strengthModel.recencyFloor' }),
          expect.objectContaining({ path: 'strengthModel.wat', code: 'unknown_field' }),
          expect.objectContaining({ path: 'strengthModel.kindBase.pal', code: 'unknown_field' }),
        ],
      }),
    );
  });
});

describe('network strengths', () => {
  const input = {
    people: [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ],
    relationships: [
      { source: 'a', target: 'b', kind: 'friend' as const, lastInteraction: '2024-01-01' },
    ],
    hires: [],
  };

  it('measures recency to the latest date in the data when there is no asOf', () => {
    const network = createNetwork(input);
    expect(network.referenceDate).toBe('2024-01-01');
    expect(network.strengths()[0]?.factors[0]?.input).toBe(0);
  });

  it('measures recency to asOf, and follows the configured model', () => {
    const network = createNetwork(input, {
      asOf: '2025-01-01',
      strengthModel: { halfLifeDays: 100 },
    });
    const days = (Date.UTC(2025, 0, 2) - 1 - Date.UTC(2024, 0, 1)) / DAY;
    expect(network.strengths()[0]?.strength).toBeCloseTo(
      0.75 * (0.35 + 0.65 * 0.5 ** (days / 100)),
      12,
    );
  });
});

describe('the worked examples of docs/tie-strength.md', () => {
  const d = (days: number) => new Date(REF - days * DAY).toISOString();
  it.each([
    [
      { kind: 'colleague', interactionsPerMonth: 4, lastInteraction: d(7), since: d(5 * 365.25) },
      0.68,
    ],
    [
      {
        kind: 'colleague',
        interactionsPerMonth: 0.2,
        lastInteraction: d(730),
        since: d(5 * 365.25),
      },
      0.24,
    ],
    [{ kind: 'former-colleague', lastInteraction: d(3 * 365) }, 0.19],
    [{ kind: 'friend' }, 0.75],
  ] as const)('%o has strength ≈ %d', (signals, expected) => {
    expect(explainStrength({ source: 'a', target: 'b', ...signals }, REF, M).strength).toBeCloseTo(
      expected,
      2,
    );
  });
});
