import type { NetworkInput } from '../../src/index.js';

/** A network that uses every field of every record. */
export const RICH: NetworkInput = {
  organizations: [
    { id: 'acme', name: 'Acme', industry: 'IT', attributes: { region: 'north', size: 120 } },
    { id: 'adco', name: 'Ad Co' },
  ],
  people: [
    {
      id: 'jacob',
      name: 'Jacob Ellis',
      organizationId: 'adco',
      title: 'Account manager',
      skills: ['sales', 'CRM'],
      tags: [],
      positions: [
        {
          title: 'Intern',
          organizationId: 'acme',
          organizationName: 'Acme',
          from: '2015-06-01',
          to: '2016-05-31',
        },
        { title: 'Freelancer' },
      ],
      introductions: 'ask-first',
      attributes: { cohort: '2023', score: 42, active: true, note: '' },
    },
    { id: 'michael', name: 'Michael Brennan', organizationId: 'acme', attributes: {} },
    { id: 'dana', name: 'Dana', organizationId: 'acme', introductions: 'never' },
    { id: 'lee', name: 'Lee' },
  ],
  jobs: [
    {
      id: 'it-sales-rep',
      title: 'IT sales rep',
      organizationId: 'acme',
      hiringManagerId: 'dana',
      requirements: ['IT sales', 'German'],
      status: 'open',
      openedAt: '2024-01-10',
      attributes: { remote: false },
    },
    {
      id: 'analyst',
      title: 'Analyst',
      organizationId: 'acme',
      hiringManagerId: 'michael',
      requirements: [],
      status: 'filled',
      openedAt: '2023-01-01',
      filledAt: '2023-03-01T09:30:00+01:00',
      filledBy: 'lee',
    },
  ],
  groups: [
    { id: 'bni', name: 'BNI', members: ['jacob', 'michael', 'lee'], attributes: { city: 'Cork' } },
    { id: 'empty', name: 'Empty group', members: [] },
  ],
  relationships: [
    {
      source: 'jacob',
      target: 'michael',
      kind: 'friend',
      since: '2010-05-01',
      lastInteraction: '2024-02-01',
      interactionsPerMonth: 2.5,
      context: 'school',
      visibleTo: ['lee', 'recruiting'],
      attributes: { met: 'school' },
    },
    { source: 'michael', target: 'dana', kind: 'colleague', strength: 0.7 },
    { source: 'dana', target: 'lee', kind: 'mentor', strength: 0.4, directed: true },
    { source: 'lee', target: 'dana', kind: 'other', directed: false, until: '2022-01-01' },
    { source: 'jacob', target: 'michael', kind: 'former-colleague', strength: 1 },
  ],
  hires: [
    {
      personId: 'lee',
      jobId: 'analyst',
      date: '2023-03-01',
      channel: 'referral',
      referrerId: 'michael',
      attributes: { bonus: 500 },
    },
  ],
  applications: [
    {
      personId: 'lee',
      jobId: 'analyst',
      date: '2023-02-01',
      channel: 'referral',
      stage: 'hired',
      referrerId: 'michael',
    },
    {
      personId: 'jacob',
      jobId: 'it-sales-rep',
      date: '2024-02-01',
      channel: 'posting',
      stage: 'applied',
    },
  ],
};
