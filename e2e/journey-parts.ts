/**
 * The journeys in three parts that `npm test` runs side by side, each against its own stack, to
 * keep the whole run within its time budget on a 2-core machine (one part alone leaves a fifth of
 * the machine idle, as a journey waits on the stack and the browser in turn). Part `a` is the
 * first user's story, in order: 01 signs in and saves the session that 02-09 reuse, 02 registers
 * the clusters that 03-09 read and delete; then 10 and the dependencies-down file, which start
 * what they need themselves. Parts `b` (11-16 and 18) and `c` (17, then 19 on) are the later
 * journeys: each signs in itself and uses clusters it registers, so they may run anywhere; the
 * split makes the parts about as long (in a clean-clone run: a 253 s, b 279 s, c 259 s of
 * journeys, where b 239 s and c 299 s had made c the run's tail). Unset, one run has all.
 */
const PART_A = /\/(0\d[a-z]?|10)-[^/]+\.spec\.ts$|\/dependencies-down\.spec\.ts$/;
const PART_B = /\/(1[1-6]|18)-[^/]+\.spec\.ts$/;

export const JOURNEY_PARTS = ['a', 'b', 'c'] as const;
export type JourneyPart = (typeof JOURNEY_PARTS)[number];

export function journeyPart(value: string | undefined): JourneyPart | undefined {
  if (value === undefined || value === '') return undefined;
  const part = JOURNEY_PARTS.find((candidate) => candidate === value);
  if (!part) throw new Error(`E2E_PART must be one of ${JOURNEY_PARTS.join(', ')}, not ${value}`);
  return part;
}

/** Playwright's testMatch / testIgnore for a part (everything when there is none). */
export function partFilter(part: JourneyPart | undefined): {
  testMatch?: RegExp;
  testIgnore?: RegExp | RegExp[];
} {
  if (part === 'a') return { testMatch: PART_A };
  if (part === 'b') return { testMatch: PART_B };
  if (part === 'c') return { testIgnore: [PART_A, PART_B] };
  return {};
}
