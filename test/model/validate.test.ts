import { describe, expect, it } from 'vitest';
import {
  createNetwork,
  InvalidNetworkError,
  type Issue,
  type NetworkInput,
} from '../../src/index.js';

/** A small valid network every rule test breaks in one place. */
function valid(): NetworkInput {
  return {
    organizations: [{ id: 'acme', name: 'Acme' }],
    people: [
      { id: 'jacob', name: 'Jacob', organizationId: 'acme' },
      {
        id: 'michael',
        name: 'Michael',
        positions: [
          { title: 'Sales', organizationId: 'acme', from: '2020-01-01', to: '2023-01-01' },
        ],
      },
      { id: 'laura', name: 'Laura' },
    ],
    jobs: [
      {
        id: 'rep',
        title: 'Rep',
        organizationId: 'acme',
        hiringManagerId: 'laura',
        requirements: [],
        status: 'filled',
        openedAt: '2024-01-01',
        filledAt: '2024-02-01',
        filledBy: 'jacob',
      },
    ],
    groups: [{ id: 'bni', name: 'BNI', members: ['jacob', 'michael'] }],
    relationships: [
      {
        source: 'jacob',
        target: 'michael',
        kind: 'friend',
        since: '2019-01-01',
        lastInteraction: '2024-01-01',
      },
    ],
    hires: [
      {
        personId: 'jacob',
        jobId: 'rep',
        date: '2024-02-01',
        channel: 'referral',
        referrerId: 'michael',
      },
    ],
    applications: [
      { personId: 'jacob', jobId: 'rep', date: '2024-01-10', channel: 'referral', stage: 'hired' },
    ],
  };
}

function issuesOf(input: unknown): readonly Issue[] {
  try {
    createNetwork(input as NetworkInput);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidNetworkError);
    expect((error as InvalidNetworkError).name).toBe('InvalidNetworkError');
    return (error as InvalidNetworkError).issues;
  }
  throw new Error('expected createNetwork to throw');
}

/** Applies `change` to a fresh valid network and returns the single issue it causes. */
function onlyIssue(change: (input: any) => void): Issue {
  const input = valid();
  change(input);
  const issues = issuesOf(input);
  expect(issues, JSON.stringify(issues)).toHaveLength(1);
  return issues[0] as Issue;
}

describe('createNetwork validation', () => {
  it('accepts the valid network', () => {
    expect(createNetwork(valid()).people).toHaveLength(3);
  });

  it.each([
    ['not an object', [], 'invalid_type', ''],
    ['null', null, 'invalid_type', ''],
  ])('rejects input that is %s', (_name, input, code, path) => {
    const [issue] = issuesOf(input);
    expect(issue).toMatchObject({ code, path });
  });

  const rules: [string, (input: any) => void, Partial<Issue>][] = [
    [
      'an unknown collection',
      (i) => (i.peopel = []),
      {
        code: 'unknown_field',
        path: 'peopel',
        message: 'unknown collection "peopel" (did you mean "people"?)',
      },
    ],
    [
      'a collection that is not an array',
      (i) => (i.groups = {}),
      { code: 'invalid_type', path: 'groups' },
    ],
    [
      'a wrong format marker',
      (i) => (i.format = 'gexf'),
      { code: 'invalid_value', path: 'format' },
    ],
    ['an unknown version', (i) => (i.version = 2), { code: 'invalid_value', path: 'version' }],
    [
      'a missing required field',
      (i) => delete i.people[2].name,
      { code: 'missing_field', path: 'people[2].name' },
    ],
    [
      'a missing enum field',
      (i) => delete i.relationships[0].kind,
      { code: 'missing_field', path: 'relationships[0].kind', message: 'is required' },
    ],
    [
      'a field of the wrong type',
      (i) => (i.people[2].name = 7),
      { code: 'invalid_type', path: 'people[2].name', message: 'must be a string, got 7' },
    ],
    ['an empty id', (i) => (i.groups[0].id = ''), { code: 'out_of_range', path: 'groups[0].id' }],
    [
      'an empty optional text',
      (i) => (i.people[2].title = ''),
      { code: 'out_of_range', path: 'people[2].title' },
    ],
    [
      'an unknown field, with a suggestion',
      (i) => (i.people[0].organisationId = 'acme'),
      {
        code: 'unknown_field',
        path: 'people[0].organisationId',
        message: 'unknown field "organisationId" (did you mean "organizationId"?)',
      },
    ],
    [
      'an unknown enum value, with a suggestion',
      (i) => (i.relationships[0].kind = 'freind'),
      { code: 'invalid_value', path: 'relationships[0].kind' },
    ],
    [
      'an unknown introductions policy',
      (i) => (i.people[0].introductions = 'sometimes'),
      { code: 'invalid_value', path: 'people[0].introductions' },
    ],
    [
      'a NaN strength',
      (i) => (i.relationships[0].strength = Number.NaN),
      {
        code: 'invalid_value',
        path: 'relationships[0].strength',
        message: 'must be a finite number, got NaN',
      },
    ],
    [
      'an infinite frequency',
      (i) => (i.relationships[0].interactionsPerMonth = Number.POSITIVE_INFINITY),
      { code: 'invalid_value', path: 'relationships[0].interactionsPerMonth' },
    ],
    [
      'a strength of 0',
      (i) => (i.relationships[0].strength = 0),
      { code: 'out_of_range', path: 'relationships[0].strength' },
    ],
    [
      'a negative strength',
      (i) => (i.relationships[0].strength = -0.5),
      { code: 'out_of_range', path: 'relationships[0].strength' },
    ],
    [
      'a strength above 1',
      (i) => (i.relationships[0].strength = 1.01),
      { code: 'out_of_range', path: 'relationships[0].strength' },
    ],
    [
      'a negative frequency',
      (i) => (i.relationships[0].interactionsPerMonth = -1),
      { code: 'out_of_range', path: 'relationships[0].interactionsPerMonth' },
    ],
    [
      'a non-boolean directed',
      (i) => (i.relationships[0].directed = 'yes'),
      { code: 'invalid_type', path: 'relationships[0].directed' },
    ],
    [
      'a malformed date',
      (i) => (i.hires[0].date = '01/02/2024'),
      { code: 'invalid_date', path: 'hires[0].date' },
    ],
    [
      'an impossible date',
      (i) => (i.relationships[0].since = '2023-02-29'),
      { code: 'invalid_date', path: 'relationships[0].since' },
    ],
    [
      'a time without a zone',
      (i) => (i.relationships[0].since = '2023-02-01T10:00'),
      { code: 'invalid_date', path: 'relationships[0].since' },
    ],
    [
      'a bad attribute value',
      (i) => (i.people[0].attributes = { age: null }),
      { code: 'invalid_value', path: 'people[0].attributes.age' },
    ],
    [
      'a duplicate person id',
      (i) => i.people.push({ id: 'jacob', name: 'Other Jacob' }),
      {
        code: 'duplicate_id',
        path: 'people[3].id',
        message: 'duplicate person id "jacob" (first at people[0])',
      },
    ],
    [
      'a duplicate organization id',
      (i) => i.organizations.push({ id: 'acme', name: 'Acme 2' }),
      { code: 'duplicate_id', path: 'organizations[1].id' },
    ],
    [
      'a duplicate job id',
      (i) => i.jobs.push({ ...i.jobs[0] }),
      { code: 'duplicate_id', path: 'jobs[1].id' },
    ],
    [
      'a duplicate group id',
      (i) => i.groups.push({ id: 'bni', name: 'B', members: [] }),
      { code: 'duplicate_id', path: 'groups[1].id' },
    ],
    [
      'a person at an unknown organization',
      (i) => (i.people[2].organizationId = 'acne'),
      {
        code: 'unknown_reference',
        path: 'people[2].organizationId',
        message: 'unknown organization "acne" (did you mean "acme"?)',
      },
    ],
    [
      'a position at an unknown organization',
      (i) => (i.people[1].positions[0].organizationId = 'zzz'),
      {
        code: 'unknown_reference',
        path: 'people[1].positions[0].organizationId',
        message: 'unknown organization "zzz"',
      },
    ],
    [
      'a position ending before it starts',
      (i) => (i.people[1].positions[0].to = '2019-01-01'),
      { code: 'date_order', path: 'people[1].positions[0].to' },
    ],
    [
      'a relationship with an unknown target',
      (i) => (i.relationships[0].target = 'jaocb'),
      {
        code: 'unknown_reference',
        path: 'relationships[0].target',
        message: 'unknown person "jaocb" (did you mean "jacob"?)',
      },
    ],
    [
      'a relationship with an unknown source',
      (i) => (i.relationships[0].source = 'nobody'),
      { code: 'unknown_reference', path: 'relationships[0].source' },
    ],
    [
      'a relationship with oneself',
      (i) => (i.relationships[0].target = 'jacob'),
      { code: 'self_reference', path: 'relationships[0].target' },
    ],
    [
      'a relationship ending before it began',
      (i) => {
        i.relationships[0].until = '2018-01-01';
        delete i.relationships[0].lastInteraction;
      },
      {
        code: 'date_order',
        path: 'relationships[0].until',
        message: '2018-01-01 is before since (2019-01-01)',
      },
    ],
    [
      'an interaction before the relationship began',
      (i) => (i.relationships[0].since = '2024-06-01'),
      { code: 'date_order', path: 'relationships[0].lastInteraction' },
    ],
    [
      'a relationship ending before its last interaction',
      (i) => (i.relationships[0].until = '2023-01-01'),
      { code: 'date_order', path: 'relationships[0].until' },
    ],
    [
      'a job at an unknown organization',
      (i) => (i.jobs[0].organizationId = 'nope'),
      { code: 'unknown_reference', path: 'jobs[0].organizationId' },
    ],
    [
      'a job with an unknown hiring manager',
      (i) => (i.jobs[0].hiringManagerId = 'lauar'),
      {
        code: 'unknown_reference',
        path: 'jobs[0].hiringManagerId',
        message: 'unknown person "lauar" (did you mean "laura"?)',
      },
    ],
    [
      'a job filled by an unknown person',
      (i) => (i.jobs[0].filledBy = 'x'),
      { code: 'unknown_reference', path: 'jobs[0].filledBy' },
    ],
    [
      'a job filled before it opened',
      (i) => (i.jobs[0].filledAt = '2023-01-01'),
      { code: 'date_order', path: 'jobs[0].filledAt' },
    ],
    [
      'an open job with filledBy',
      (i) => {
        i.jobs[0].status = 'open';
        delete i.jobs[0].filledAt;
      },
      { code: 'inconsistent', path: 'jobs[0].filledBy' },
    ],
    [
      'a group with an unknown member',
      (i) => i.groups[0].members.push('ghost'),
      { code: 'unknown_reference', path: 'groups[0].members[2]' },
    ],
    [
      'a group listing a member twice',
      (i) => i.groups[0].members.push('jacob'),
      { code: 'duplicate_id', path: 'groups[0].members[2]' },
    ],
    [
      'a hire for an unknown job',
      (i) => (i.hires[0].jobId = 'reps'),
      {
        code: 'unknown_reference',
        path: 'hires[0].jobId',
        message: 'unknown job "reps" (did you mean "rep"?)',
      },
    ],
    [
      'a hire of an unknown person',
      (i) => (i.hires[0].personId = 'x'),
      { code: 'unknown_reference', path: 'hires[0].personId' },
    ],
    [
      'a hire with an unknown referrer',
      (i) => (i.hires[0].referrerId = 'x'),
      { code: 'unknown_reference', path: 'hires[0].referrerId' },
    ],
    [
      'a hire referred by the hire',
      (i) => (i.hires[0].referrerId = 'jacob'),
      { code: 'self_reference', path: 'hires[0].referrerId' },
    ],
    [
      'a referrer on a non-referral hire',
      (i) => (i.hires[0].channel = 'posting'),
      { code: 'inconsistent', path: 'hires[0].referrerId' },
    ],
    [
      'a hire before the job opened',
      (i) => (i.hires[0].date = '2023-06-01'),
      { code: 'date_order', path: 'hires[0].date' },
    ],
    [
      'an unknown hire channel',
      (i) => (i.hires[0].channel = 'linkedin'),
      { code: 'invalid_value', path: 'hires[0].channel' },
    ],
    [
      'an application for an unknown job',
      (i) => (i.applications[0].jobId = 'x'),
      { code: 'unknown_reference', path: 'applications[0].jobId' },
    ],
    [
      'an unknown application stage',
      (i) => (i.applications[0].stage = 'ghosted'),
      { code: 'invalid_value', path: 'applications[0].stage' },
    ],
  ];

  it.each(rules)('reports %s', (_name, change, expected) => {
    expect(onlyIssue(change)).toMatchObject(expected);
  });

  it('reports every problem at once, including references of records with bad fields', () => {
    const input: any = valid();
    input.people[0].organisationId = 'x';
    input.relationships[0].kind = 'freind';
    input.relationships[0].strength = Number.NaN;
    input.relationships[0].source = 'jaocb';
    input.hires[0].jobId = 'nope';
    const issues = issuesOf(input);
    expect(issues.map((i) => i.path)).toEqual([
      'people[0].organisationId',
      'relationships[0].kind',
      'relationships[0].strength',
      'relationships[0].source',
      'hires[0].jobId',
    ]);
  });

  it('lists the problems in the error message', () => {
    const input: any = valid();
    input.relationships[0].target = 'jaocb';
    expect(() => createNetwork(input)).toThrow(
      /relationships\[0\]\.target: unknown person "jaocb" \(did you mean "jacob"\?\)/,
    );
  });

  it('never mutates its input', () => {
    const input = valid();
    const before = structuredClone(input);
    const network = createNetwork(input);
    expect(input).toEqual(before);
    expect(network.dataset.people[0]).not.toBe(input.people?.[0]);
    expect(Object.isFrozen(network.dataset.people[0])).toBe(true);
  });

  it('keeps ids and attribute keys that are Object.prototype names as data', () => {
    const input: NetworkInput = {
      people: [
        {
          id: '__proto__',
          name: 'P',
          attributes: JSON.parse('{"__proto__": "kept", "constructor": 1}'),
        },
        { id: 'constructor', name: 'C' },
        { id: 'toString', name: 'T' },
        { id: '👩‍💼', name: 'E' },
        { id: 'x'.repeat(10_000), name: 'Long' },
      ],
      relationships: [
        { source: '__proto__', target: 'constructor', kind: 'friend', strength: 0.9 },
        { source: 'toString', target: '👩‍💼', kind: 'colleague', strength: 0.5 },
        { source: 'x'.repeat(10_000), target: '__proto__', kind: 'other', strength: 0.2 },
      ],
    };
    const network = createNetwork(input);
    const person = network.requirePerson('__proto__');
    expect(Object.keys(person.attributes ?? {})).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(person.attributes)).toBe(Object.prototype);
    expect(network.tie('constructor', '__proto__')?.strength).toBe(0.9);
    expect(network.tiesOf('__proto__')).toHaveLength(2);
    expect(network.graph.order).toBe(5);
    expect(network.graph.size).toBe(3);
    expect(JSON.parse(JSON.stringify(network.dataset)).people[0].attributes.__proto__).toBe('kept');
  });

  it('lists issues in input order: by collection, then record', () => {
    const input: any = valid();
    input.applications[0].stage = 'ghosted';
    input.jobs[0].filledAt = '2023-01-01';
    input.people[1].name = 5;
    expect(issuesOf(input).map((i) => i.path)).toEqual([
      'people[1].name',
      'jobs[0].filledAt',
      'applications[0].stage',
    ]);
  });

  it('rejects options that are not objects', () => {
    expect(() => createNetwork(valid(), null as never)).toThrow(
      expect.objectContaining({ name: 'InvalidOptionsError' }),
    );
    expect(() => createNetwork(valid(), { strengthModel: null as never })).toThrow(
      expect.objectContaining({ name: 'InvalidOptionsError' }),
    );
    expect(() => createNetwork(valid(), { strengthModel: { kindBase: 'ab' as never } })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: 'strengthModel.kindBase', code: 'invalid_type' })],
      }),
    );
    expect(() =>
      createNetwork(valid(), { strengthModel: { minStrength: 0.5, maxDerivedStrength: 0.4 } }),
    ).toThrow(/minStrength: must not exceed maxDerivedStrength/);
  });

  it('rejects invalid options with a named error', () => {
    expect(() => createNetwork(valid(), { asOf: 'yesterday' })).toThrow(
      expect.objectContaining({ name: 'InvalidOptionsError' }),
    );
    expect(() => createNetwork(valid(), { asof: '2024-01-01' } as never)).toThrow(
      /unknown option "asof" \(did you mean "asOf"\?\)/,
    );
    expect(() =>
      createNetwork(valid(), { strengthModel: { halfLifeDays: -1, kindBase: { friend: 2 } } }),
    ).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({ path: 'strengthModel.halfLifeDays' }),
          expect.objectContaining({ path: 'strengthModel.kindBase.friend' }),
        ],
      }),
    );
  });
});
