/**
 * One run of the hiring market: rounds of applying (postings and referrals), choosing (a weighted
 * draw that favours referred applicants) and moving (a hire of an employed person reopens their
 * old job, so vacancies travel along chains). Integer people and typed arrays throughout; the
 * records are assembled into a dataset by `simulate-dataset.ts`.
 *
 * @module
 */
import { POLICY_ASK_FIRST, POLICY_NEVER, POLICY_OPEN } from '../graph/compiled.js';
import { seededRandom } from '../graph/random.js';
import { dateToTime, timeToDate } from '../model/dates.js';
import type { Application, ApplicationStage, Hire } from '../model/schema.js';
import { randomIndex, shuffle } from './market-random.js';
import type { ResolvedSimulationOptions } from './simulate-options.js';
import type { PreparedMarket } from './simulate-prepare.js';

/** A job as the simulation tracks it. */
export interface SimulatedJob {
  readonly id: string;
  readonly organization: number;
  manager: number;
  /** Whether the manager was replaced because the one named had left the organisation. */
  managerReplaced: boolean;
  readonly title: string;
  readonly openedAt: string | undefined;
  /** The first round in which it takes applications. */
  readonly firstStep: number;
  status: 'open' | 'filled';
  filledBy: number;
  filledAt: string | undefined;
  /** `input`: open in the network; `new`: opened at the start; `vacancy`: left by a hire. */
  readonly origin: 'input' | 'new' | 'vacancy';
  /** For `input` jobs, the index in `network.jobs`; else -1. */
  readonly inputIndex: number;
  /** The job that started its vacancy chain, and its place in that chain (1 for the first). */
  readonly chainRoot: string;
  readonly chainPosition: number;
  /** For vacancies: who left the job, and the job whose hire made them leave. */
  readonly leftBy: number;
  readonly causedBy: string | undefined;
}

/** A person moving into a job. */
export interface Move {
  readonly person: number;
  readonly date: string;
  readonly from: number;
  readonly to: number;
  readonly title: string;
  readonly previousTitle: string | undefined;
}

/** What happened in one round. */
export interface StepRecord {
  readonly step: number;
  readonly date: string;
  readonly openJobs: number;
  readonly applications: number;
  readonly referralApplications: number;
  readonly hires: number;
  readonly referralHires: number;
  readonly vacanciesOpened: number;
}

/** Everything a run produced. */
export interface RunOutcome {
  readonly jobs: readonly SimulatedJob[];
  readonly applications: readonly Application[];
  readonly hires: readonly Hire[];
  readonly moves: readonly Move[];
  readonly steps: readonly StepRecord[];
  readonly vacanciesWithoutManager: number;
}

const DAY = 86_400_000;

/** A set of people with O(1) add and remove, iterated in a deterministic order. */
class PeopleSet {
  readonly list: number[] = [];
  constructor(readonly position: Int32Array) {}
  add(person: number): void {
    this.position[person] = this.list.length;
    this.list.push(person);
  }
  remove(person: number): void {
    const at = this.position[person] as number;
    const last = this.list.pop() as number;
    if (last !== person) {
      this.list[at] = last;
      this.position[last] = at;
    }
    this.position[person] = -1;
  }
}

/**
 * Runs the market. `seekers` are person indices; `startTime` is the epoch time of round 0.
 * Draw order (all from one `seededRandom(seed)` stream): the new jobs' places and managers, then
 * per round a shuffle of the open jobs, and per job the referral draws (employees in membership
 * order, each employee's contacts in tie order), the posting draws (seekers in pool order) and
 * the manager's draws.
 */
export function runHiring(
  prep: PreparedMarket,
  options: ResolvedSimulationOptions,
  seekers: readonly number[],
  startTime: number,
): RunOutcome {
  const random = seededRandom(options.seed);
  const n = prep.ids.length;
  const dateOf = (step: number): string => timeToDate(startTime + step * options.stepDays * DAY);
  const orgOf = Int32Array.from(prep.initialOrganization);
  const titleOf = [...prep.initialTitle];
  const currentJob = new Int32Array(n).fill(-1);
  const memberPosition = new Int32Array(n).fill(-1);
  const members = prep.organizations.map(() => new PeopleSet(memberPosition));
  for (let v = 0; v < n; v++) {
    const org = orgOf[v] as number;
    if (org !== -1) members[org]?.add(v);
  }
  const pool = new PeopleSet(new Int32Array(n).fill(-1));
  for (const s of seekers) pool.add(s);
  const willingness = new Float64Array(3);
  willingness[POLICY_OPEN] = 1;
  willingness[POLICY_ASK_FIRST] = options.askFirstWillingness;
  willingness[POLICY_NEVER] = 0;

  const jobs: SimulatedJob[] = [];
  let counter = 0;
  const nextId = (): string => {
    let id: string;
    do id = `sim-job-${++counter}`;
    while (prep.network.job(id) !== undefined);
    return id;
  };
  openInitialJobs();

  const applications: Application[] = [];
  const hires: Hire[] = [];
  const moves: Move[] = [];
  const steps: StepRecord[] = [];
  let vacanciesWithoutManager = 0;
  const stamp = new Int32Array(n).fill(-1);
  const referrer = new Int32Array(n);
  const referrerTie = new Float64Array(n);
  let serial = 0;

  for (let step = 0; step < options.steps; step++) {
    const date = dateOf(step);
    const open: number[] = [];
    jobs.forEach((job, j) => {
      if (job.status === 'open' && job.firstStep <= step) open.push(j);
    });
    const before = { applications: applications.length, hires: hires.length, jobs: jobs.length };
    let referralApplications = 0;
    let referralHires = 0;
    for (const j of shuffle(open, random)) {
      const outcome = fillJob(jobs[j] as SimulatedJob, j, step, date);
      referralApplications += outcome.referred;
      if (outcome.referralHire) referralHires++;
    }
    steps.push({
      step,
      date,
      openJobs: open.length,
      applications: applications.length - before.applications,
      referralApplications,
      hires: hires.length - before.hires,
      referralHires,
      vacanciesOpened: jobs.length - before.jobs,
    });
  }
  return { jobs, applications, hires, moves, steps, vacanciesWithoutManager };

  function openInitialJobs(): void {
    const stepMs = options.stepDays * DAY;
    prep.network.jobs.forEach((job, i) => {
      if (job.status !== 'open') return;
      const opened = job.openedAt === undefined ? startTime : dateToTime(job.openedAt);
      jobs.push({
        id: job.id,
        organization: prep.organizationIndex.get(job.organizationId) as number,
        manager: prep.indexOf.get(job.hiringManagerId) as number,
        managerReplaced: false,
        title: job.title,
        openedAt: job.openedAt,
        firstStep: Math.max(0, Math.ceil((opened - startTime) / stepMs)),
        status: 'open',
        filledBy: -1,
        filledAt: undefined,
        origin: 'input',
        inputIndex: i,
        chainRoot: job.id,
        chainPosition: 1,
        leftBy: -1,
        causedBy: undefined,
      });
    });
    const employed: number[] = [];
    for (let v = 0; v < n; v++) if (orgOf[v] !== -1) employed.push(v);
    for (let k = 0; k < options.jobs; k++) {
      const org = orgOf[employed[randomIndex(random, employed.length)] as number] as number;
      const candidates = prep.managerCandidates[org] ?? [];
      const staff = members[org]?.list ?? [];
      const manager =
        candidates.length > 0
          ? (candidates[randomIndex(random, candidates.length)] as number)
          : (staff[randomIndex(random, staff.length)] as number);
      const id = nextId();
      jobs.push({
        id,
        organization: org,
        manager,
        managerReplaced: false,
        title: 'New position',
        openedAt: dateOf(0),
        firstStep: 0,
        status: 'open',
        filledBy: -1,
        filledAt: undefined,
        origin: 'new',
        inputIndex: -1,
        chainRoot: id,
        chainPosition: 1,
        leftBy: -1,
        causedBy: undefined,
      });
    }
  }

  /** Draws applicants for one job and, if there are any, hires one. */
  function fillJob(
    job: SimulatedJob,
    j: number,
    step: number,
    date: string,
  ): { referred: number; referralHire: boolean } {
    const org = job.organization;
    if (orgOf[job.manager] !== org) {
      const manager = anyManager(org, -1);
      if (manager === -1) return { referred: 0, referralHire: false };
      job.manager = manager;
      job.managerReplaced = true;
    }
    serial++;
    const eligible = (s: number): boolean =>
      pool.position[s] !== -1 && orgOf[s] !== org && s !== job.manager;

    // Referrals: each employee of the organisation refers each seeker they know with probability
    // referralPropensity × strength(seeker → employee) × willingness; the strongest tie is credited.
    const referred: number[] = [];
    if (options.referralPropensity > 0) {
      for (const e of members[org]?.list ?? []) {
        const will = e === job.manager ? 1 : (willingness[prep.policy[e] as number] as number);
        if (will === 0) continue;
        const scale = options.referralPropensity * will;
        for (let slot = prep.offsets[e] as number; slot < (prep.offsets[e + 1] as number); slot++) {
          const s = prep.contacts[slot] as number;
          if (!eligible(s)) continue;
          const strength = prep.inbound[slot] as number;
          if (random() >= scale * strength) continue;
          if (stamp[s] !== serial) {
            stamp[s] = serial;
            referrer[s] = e;
            referrerTie[s] = strength;
            referred.push(s);
          } else if (strength > (referrerTie[s] as number)) {
            referrer[s] = e;
            referrerTie[s] = strength;
          }
        }
      }
    }
    // Postings: every other seeker sees the posting with probability postingReach.
    const applicants = referred.slice();
    if (options.postingReach > 0) {
      for (const s of pool.list) {
        if (stamp[s] !== serial && eligible(s) && random() < options.postingReach)
          applicants.push(s);
      }
    }
    if (applicants.length === 0) return { referred: 0, referralHire: false };

    const stages = chooseApplicants(referred.length, applicants.length);
    let hired = -1;
    applicants.forEach((s, i) => {
      const isReferral = i < referred.length;
      const stage = stages[i] as ApplicationStage;
      if (stage === 'hired') hired = i;
      applications.push({
        personId: prep.ids[s] as string,
        jobId: job.id,
        date,
        channel: isReferral ? 'referral' : 'posting',
        stage,
        ...(isReferral ? { referrerId: prep.ids[referrer[s] as number] as string } : {}),
      });
    });
    const person = applicants[hired] as number;
    const referralHire = hired < referred.length;
    hires.push({
      personId: prep.ids[person] as string,
      jobId: job.id,
      date,
      channel: referralHire ? 'referral' : 'posting',
      ...(referralHire ? { referrerId: prep.ids[referrer[person] as number] as string } : {}),
    });
    move(person, job, j, step, date);
    return { referred: referred.length, referralHire };
  }

  /**
   * The manager's choice: a Plackett–Luce draw without replacement, each applicant weighted
   * `managerPreference` if referred and 1 otherwise. The first drawn is hired (so a referred
   * applicant is hired with probability w·R / (w·R + P)), the next `interviews − 1` were
   * interviewed, the rest rejected. Referred applicants are the first `referredCount`.
   */
  function chooseApplicants(referredCount: number, count: number): ApplicationStage[] {
    const stages = new Array<ApplicationStage>(count).fill('rejected');
    const weight = (i: number): number => (i < referredCount ? options.managerPreference : 1);
    const left = Array.from({ length: count }, (_, i) => i);
    let total = options.managerPreference * referredCount + (count - referredCount);
    const draws = Math.min(options.interviews, count);
    for (let d = 0; d < draws; d++) {
      let u = random() * total;
      let at = left.length - 1;
      for (let p = 0; p < left.length; p++) {
        u -= weight(left[p] as number);
        if (u < 0) {
          at = p;
          break;
        }
      }
      const chosen = left[at] as number;
      left[at] = left[left.length - 1] as number;
      left.pop();
      total -= weight(chosen);
      stages[chosen] = d === 0 ? 'hired' : 'interviewed';
    }
    return stages;
  }

  /** Moves a hired person into the job; an employed person's old job reopens as a vacancy. */
  function move(person: number, job: SimulatedJob, j: number, step: number, date: string): void {
    job.status = 'filled';
    job.filledBy = person;
    job.filledAt = date;
    const from = orgOf[person] as number;
    if (from !== -1) {
      const manager = managerOf(person, from);
      if (manager === -1) vacanciesWithoutManager++;
      else {
        jobs.push({
          id: nextId(),
          organization: from,
          manager,
          managerReplaced: false,
          title: titleOf[person] ?? 'Position',
          openedAt: date,
          firstStep: step + 1,
          status: 'open',
          filledBy: -1,
          filledAt: undefined,
          origin: 'vacancy',
          inputIndex: -1,
          chainRoot: job.chainRoot,
          chainPosition: job.chainPosition + 1,
          leftBy: person,
          causedBy: job.id,
        });
      }
      members[from]?.remove(person);
    }
    moves.push({
      person,
      date,
      from,
      to: job.organization,
      title: job.title,
      previousTitle: titleOf[person],
    });
    members[job.organization]?.add(person);
    orgOf[person] = job.organization;
    titleOf[person] = job.title;
    currentJob[person] = j;
    pool.remove(person);
  }

  /**
   * Who hires a leaver's replacement: the manager of the job they were hired into here, else
   * the first of their `manager` relationships still at the organisation, else {@link anyManager}.
   */
  function managerOf(person: number, org: number): number {
    const stays = (m: number): boolean => m !== person && orgOf[m] === org;
    const held = currentJob[person] as number;
    if (held !== -1) {
      const m = (jobs[held] as SimulatedJob).manager;
      if (stays(m)) return m;
    }
    for (const m of prep.managersOf.get(person) ?? []) if (stays(m)) return m;
    return anyManager(org, person);
  }

  /** The first manager candidate still at the organisation (lowest index), else its first member. */
  function anyManager(org: number, except: number): number {
    for (const m of prep.managerCandidates[org] ?? [])
      if (m !== except && orgOf[m] === org) return m;
    for (const m of members[org]?.list ?? []) if (m !== except) return m;
    return -1;
  }
}
