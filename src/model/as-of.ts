/**
 * The network as it stood at a point in time: what had not yet happened is left out.
 */
import { dateToTime } from './dates.js';
import type { Dataset, Job } from './schema.js';

/**
 * The epoch time an `asOf` option stands for. A calendar date means the end of that day (UTC), so
 * that everything dated on that day counts as having happened.
 */
export function asOfTime(asOf: string): number {
  return asOf.length === 10 ? dateToTime(asOf) + 86_400_000 - 1 : dateToTime(asOf);
}

/** The latest date anywhere in the dataset (epoch ms), or `undefined` if it has none. */
export function latestTime(dataset: Dataset): number | undefined {
  let latest: number | undefined;
  const see = (date: string | undefined): void => {
    if (date === undefined) return;
    const t = dateToTime(date);
    if (latest === undefined || t > latest) latest = t;
  };
  for (const person of dataset.people) {
    for (const position of person.positions ?? []) {
      see(position.from);
      see(position.to);
    }
  }
  for (const job of dataset.jobs) {
    see(job.openedAt);
    see(job.filledAt);
  }
  for (const rel of dataset.relationships) {
    see(rel.since);
    see(rel.until);
    see(rel.lastInteraction);
  }
  for (const hire of dataset.hires) see(hire.date);
  for (const application of dataset.applications) see(application.date);
  return latest;
}

const after = (date: string | undefined, time: number): boolean =>
  date !== undefined && dateToTime(date) > time;
const before = (date: string | undefined, time: number): boolean =>
  date !== undefined && dateToTime(date) < time;

/**
 * The dataset as it stood at `time`:
 * - relationships that began after it (`since`) or ended before it (`until`) are left out;
 * - hires and applications dated after it are left out;
 * - jobs opened after it are left out, with any hire or application of theirs;
 * - jobs filled after it are shown as open (without `filledAt` and `filledBy`).
 * People, organisations and groups are kept as they are.
 */
export function datasetAsOf(dataset: Dataset, time: number): Dataset {
  const jobs: Job[] = [];
  const dropped = new Set<string>();
  for (const job of dataset.jobs) {
    if (after(job.openedAt, time)) {
      dropped.add(job.id);
    } else if (after(job.filledAt, time)) {
      const { filledAt: _at, filledBy: _by, ...rest } = job;
      jobs.push(Object.freeze({ ...rest, status: 'open' }));
    } else {
      jobs.push(job);
    }
  }
  return {
    organizations: dataset.organizations,
    people: dataset.people,
    groups: dataset.groups,
    jobs: Object.freeze(jobs),
    relationships: Object.freeze(
      dataset.relationships.filter((r) => !after(r.since, time) && !before(r.until, time)),
    ),
    hires: Object.freeze(
      dataset.hires.filter((h) => !after(h.date, time) && !dropped.has(h.jobId)),
    ),
    applications: Object.freeze(
      dataset.applications.filter((a) => !after(a.date, time) && !dropped.has(a.jobId)),
    ),
  };
}
