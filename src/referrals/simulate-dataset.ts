/**
 * Turns a run of the hiring market into a dataset in the warmpath schema: the network's records,
 * with the jobs it filled updated, the new jobs, hires and applications added, and the people who
 * moved given their new organisation, title and positions.
 *
 * @module
 */
import { dateToTime } from '../model/dates.js';
import type { Dataset, Job, Person, Position } from '../model/schema.js';
import type { PreparedMarket } from './simulate-prepare.js';
import { SEEKER_TAG } from './simulate-prepare.js';
import type { Move, RunOutcome, SimulatedJob } from './simulate-run.js';

/** The dataset after the run; frozen collections, ready for `createNetwork`. */
export function simulatedDataset(prep: PreparedMarket, outcome: RunOutcome): Dataset {
  const base = prep.network.dataset;
  const fromInput = new Map<number, SimulatedJob>();
  const created: Job[] = [];
  for (const job of outcome.jobs) {
    if (job.inputIndex !== -1) fromInput.set(job.inputIndex, job);
    else created.push(jobRecord(prep, job));
  }
  const jobs = base.jobs.map((job, i) => {
    const simulated = fromInput.get(i);
    if (simulated === undefined || (simulated.status === 'open' && !simulated.managerReplaced))
      return job;
    return Object.freeze({ ...job, ...fill(prep, simulated) });
  });

  const movesOf = new Map<number, Move[]>();
  for (const move of outcome.moves) {
    const list = movesOf.get(move.person);
    if (list) list.push(move);
    else movesOf.set(move.person, [move]);
  }
  const people = base.people.map((person, i) => {
    const moves = movesOf.get(i);
    return moves === undefined ? person : movedPerson(prep, person, moves);
  });

  return Object.freeze({
    organizations: base.organizations,
    people: Object.freeze(people),
    jobs: Object.freeze([...jobs, ...created]),
    groups: base.groups,
    relationships: base.relationships,
    hires: Object.freeze([...base.hires, ...outcome.hires.map((h) => Object.freeze(h))]),
    applications: Object.freeze([
      ...base.applications,
      ...outcome.applications.map((a) => Object.freeze(a)),
    ]),
  });
}

/** The fields a run sets on a job: its manager, and status, filledAt and filledBy once filled. */
function fill(
  prep: PreparedMarket,
  job: SimulatedJob,
): Pick<Job, 'hiringManagerId' | 'status'> & Partial<Pick<Job, 'filledAt' | 'filledBy'>> {
  return {
    hiringManagerId: prep.ids[job.manager] as string,
    status: job.status,
    ...(job.status === 'filled'
      ? { filledAt: job.filledAt as string, filledBy: prep.ids[job.filledBy] as string }
      : {}),
  };
}

function jobRecord(prep: PreparedMarket, job: SimulatedJob): Job {
  const { hiringManagerId, status, ...filled } = fill(prep, job);
  return Object.freeze({
    id: job.id,
    title: job.title,
    organizationId: prep.organizations[job.organization] as string,
    hiringManagerId,
    requirements: [],
    status,
    ...(job.openedAt === undefined ? {} : { openedAt: job.openedAt }),
    ...filled,
    attributes: {
      simulated: true,
      origin: job.origin,
      chainRoot: job.chainRoot,
      chainPosition: job.chainPosition,
      ...(job.leftBy === -1 ? {} : { leftBy: prep.ids[job.leftBy] as string }),
      ...(job.causedBy === undefined ? {} : { causedBy: job.causedBy }),
    },
  });
}

/**
 * A person after their moves: each move closes the open position at the organisation they left
 * (or records one, ending that day, if they had none) and opens one at the new organisation; the
 * `job-seeker` tag is dropped, since they found a job.
 */
function movedPerson(prep: PreparedMarket, person: Person, moves: readonly Move[]): Person {
  const positions: Position[] = [...(person.positions ?? [])];
  const when = (date: string | undefined): number => (date === undefined ? 0 : dateToTime(date));
  for (const move of moves) {
    if (move.from !== -1) {
      const left = prep.organizations[move.from] as string;
      let open = -1;
      positions.forEach((p, k) => {
        if (p.organizationId === left && p.to === undefined && when(p.from) <= when(move.date))
          open = k;
      });
      const closing = positions[open];
      if (closing !== undefined) positions[open] = { ...closing, to: move.date };
      else
        positions.push({
          title: move.previousTitle ?? 'Position',
          organizationId: left,
          to: move.date,
        });
    }
    positions.push({
      title: move.title,
      organizationId: prep.organizations[move.to] as string,
      from: move.date,
    });
  }
  const last = moves[moves.length - 1] as Move;
  const { tags, ...rest } = person;
  const kept = tags?.filter((tag) => tag !== SEEKER_TAG) ?? [];
  return Object.freeze({
    ...rest,
    organizationId: prep.organizations[last.to] as string,
    title: last.title,
    ...(kept.length > 0 ? { tags: kept } : {}),
    positions,
  });
}
