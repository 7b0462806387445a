/**
 * Record builders for hand-made referral networks, where only some fields matter to a test.
 */
import type { NetworkInput } from '../../src/index.js';

type JobInput = NonNullable<NetworkInput['jobs']>[number];

/** A job titled `Job <id>` that posts no requirements. */
export function jobRecord(
  id: string,
  organizationId: string,
  hiringManagerId: string,
  status: JobInput['status'],
): JobInput {
  return { id, title: `Job ${id}`, organizationId, hiringManagerId, requirements: [], status };
}
