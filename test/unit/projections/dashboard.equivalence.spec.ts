import fc from 'fast-check';
import type { CaseFacts } from '../../../projections/dashboard/case-facts';
import { caseFactsProjection } from '../../../projections/dashboard/case-facts';
import { aLog, aQuery } from './dashboard.arbitraries';
import { answer } from './events.fixture';
import { dashboard as reference } from './dashboard.reference';

/**
 * The dashboard's figures summed per day and month answer exactly what the
 * former pass over every case's facts for every month answered (kept as the
 * reference in ./dashboard.reference.ts), for any log and any query.
 */

/** As the API sends it: JSON (-0 and 0 alike), keys in any order. */
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('the dashboard read model', () => {
  it('answers what a pass over every case for every month answered, for any log and query', () => {
    fc.assert(
      fc.property(aLog, fc.array(aQuery, { minLength: 1, maxLength: 4 }), (log, queries) => {
        const view = log.project(caseFactsProjection);
        const facts = [...view.docs].filter(([key]) => key.startsWith('case:')).map(([, doc]) => doc as CaseFacts);
        for (const query of queries) expect(json(answer(view, query))).toEqual(json(reference(facts, query)));
      }),
      { numRuns: 150 },
    );
  });
});
