import { householdRandom, householdSize, planHousehold } from './household.js';

/** A run of whole households written as one chunk (only the run's last household may be cut short). */
export interface ChunkPlan {
  readonly chunk: number;
  readonly firstHousehold: number;
  readonly households: number;
  readonly firstPerson: number;
  readonly people: number;
}

/**
 * Splits a run into chunks of about `target` people without running any household: a
 * household's size is among the first draws of its own generator. The split depends only on
 * the seed, so the output does not depend on how many workers build the chunks.
 */
export function* chunkPlans(seed: number, people: number, target: number): Generator<ChunkPlan> {
  let household = 0;
  let person = 0;
  for (let chunk = 0; person < people; chunk++) {
    const firstHousehold = household;
    const firstPerson = person;
    while (person - firstPerson < target && person < people) {
      const size = householdSize(planHousehold(householdRandom(seed, household), household));
      person += Math.min(size, people - person);
      household++;
    }
    yield { chunk, firstHousehold, households: household - firstHousehold, firstPerson, people: person - firstPerson };
  }
}
