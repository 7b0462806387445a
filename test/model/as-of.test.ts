import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNetwork, type NetworkInput } from '../../src/index.js';
import { dateToTime } from '../../src/model/dates.js';
import { arbitraryNetworkInput } from '../support/arbitraries.js';

const input: NetworkInput = {
  organizations: [{ id: 'ad', name: 'Ad firm' }],
  people: [
    { id: 'laura', name: 'Laura', organizationId: 'ad' },
    { id: 'michael', name: 'Michael' },
    { id: 'jacob', name: 'Jacob' },
  ],
  jobs: [
    {
      id: 'sales',
      title: 'Sales',
      organizationId: 'ad',
      hiringManagerId: 'laura',
      requirements: [],
      status: 'filled',
      openedAt: '2024-03-04',
      filledAt: '2024-03-25',
      filledBy: 'michael',
    },
    {
      id: 'later',
      title: 'Later',
      organizationId: 'ad',
      hiringManagerId: 'laura',
      requirements: [],
      status: 'open',
      openedAt: '2024-09-01',
    },
  ],
  relationships: [
    { source: 'laura', target: 'michael', kind: 'group-member', since: '2022-01-10' },
    { source: 'michael', target: 'jacob', kind: 'friend', since: '2024-04-01' },
    { source: 'laura', target: 'jacob', kind: 'client', since: '2015-01-01', until: '2020-06-30' },
  ],
  hires: [{ personId: 'michael', jobId: 'sales', date: '2024-03-25', channel: 'direct' }],
  applications: [
    { personId: 'michael', jobId: 'sales', date: '2024-03-10', channel: 'direct', stage: 'hired' },
    { personId: 'jacob', jobId: 'later', date: '2024-09-10', channel: 'posting', stage: 'applied' },
  ],
};

describe('createNetwork asOf', () => {
  it('shows the network as it stood on a date', () => {
    const network = createNetwork(input, { asOf: '2024-03-15' });
    expect(network.asOf).toBe('2024-03-15');
    expect(network.relationships.map((r) => `${r.source}-${r.target}`)).toEqual(['laura-michael']);
    expect(network.hires).toEqual([]);
    expect(network.applications.map((a) => a.personId)).toEqual(['michael']);
    expect(network.jobs.map((j) => [j.id, j.status])).toEqual([['sales', 'open']]);
    expect(network.job('sales')).not.toHaveProperty('filledBy');
    expect(network.openJobs().map((j) => j.id)).toEqual(['sales']);
  });

  it('counts everything dated on the asOf day itself', () => {
    const network = createNetwork(input, { asOf: '2024-03-25' });
    expect(network.hires).toHaveLength(1);
    expect(network.job('sales')?.status).toBe('filled');
  });

  it('accepts a Date and a date-time with a zone', () => {
    const a = createNetwork(input, { asOf: new Date('2024-03-24T23:00:00Z') });
    const b = createNetwork(input, { asOf: '2024-03-25T00:30:00+01:00' });
    expect(a.hires).toEqual([]);
    expect(b.hires).toEqual([]);
  });

  it('leaves relationships out that had ended', () => {
    expect(createNetwork(input, { asOf: '2021-01-01' }).relationships).toEqual([]);
    expect(createNetwork(input, { asOf: '2019-01-01' }).relationships.map((r) => r.kind)).toEqual([
      'client',
    ]);
  });

  it('keeps exactly the relationships, hires and applications that had happened (property)', () => {
    fc.assert(
      fc.property(
        arbitraryNetworkInput(),
        fc.integer({ min: Date.UTC(1999, 0, 1), max: Date.UTC(2031, 0, 1) }),
        (data, t) => {
          const asOf = new Date(t).toISOString();
          const full = createNetwork(data);
          const view = createNetwork(data, { asOf });
          const happened = (d: string | undefined) => d === undefined || dateToTime(d) <= t;
          const lasting = (d: string | undefined) => d === undefined || dateToTime(d) >= t;
          const jobOpened = new Set(full.jobs.filter((j) => happened(j.openedAt)).map((j) => j.id));
          expect(view.relationships).toEqual(
            full.relationships.filter((r) => happened(r.since) && lasting(r.until)),
          );
          expect(view.hires).toEqual(
            full.hires.filter((h) => happened(h.date) && jobOpened.has(h.jobId)),
          );
          expect(view.applications).toEqual(
            full.applications.filter((a) => happened(a.date) && jobOpened.has(a.jobId)),
          );
          expect(view.jobs.map((j) => j.id)).toEqual([...jobOpened]);
          for (const job of view.jobs) {
            if (job.filledAt !== undefined) expect(dateToTime(job.filledAt)).toBeLessThanOrEqual(t);
          }
          expect(view.people).toEqual(full.people);
          // Seeing the view as of the same moment again changes nothing.
          expect(createNetwork(view.dataset, { asOf }).dataset).toEqual(view.dataset);
        },
      ),
      { numRuns: 150 },
    );
  });
});
