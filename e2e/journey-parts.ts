/**
 * The journeys in two parts that `npm test` runs side by side, each against its own stack, to
 * keep the whole run within its time budget on a 2-core machine (the journeys mostly wait on
 * the stack and the browser). Part `a` is the first user's story, in order: 01 signs in and
 * saves the session that 02-09 reuse, 02 registers the clusters that 03-09 read and delete; then
 * 10 and the dependencies-down file, which start what they need themselves, and 12 (it signs in
 * itself), which makes the two parts about as long. Part `b` is every other later journey: each
 * signs in itself and uses clusters it registers. Unset, one run has all.
 */
const PART_A = /\/(0\d[a-z]?|10|12)-[^/]+\.spec\.ts$|\/dependencies-down\.spec\.ts$/;

export type JourneyPart = 'a' | 'b';

export function journeyPart(value: string | undefined): JourneyPart | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'a' || value === 'b') return value;
  throw new Error(`E2E_PART must be a or b, not ${value}`);
}

/** Playwright's testMatch / testIgnore for a part (everything when there is none). */
export function partFilter(part: JourneyPart | undefined): {
  testMatch?: RegExp;
  testIgnore?: RegExp;
} {
  if (part === 'a') return { testMatch: PART_A };
  if (part === 'b') return { testIgnore: PART_A };
  return {};
}
