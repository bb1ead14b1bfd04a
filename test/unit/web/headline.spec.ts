import { periodMedian } from '../../../web/src/pages/manager/headline';

/** The manager's headline "Dage til første besøg (median)" rests on the same months as the chart (issue #17). */
describe('the period median of days to the first visit', () => {
  it('weighs each month by its cases: a last month of one case does not make the headline', () => {
    const months = [
      { n: 12, median: 24 },
      { n: 14, median: 27 },
      { n: 9, median: 21 },
      { n: 1, median: 3 },
    ];
    expect(periodMedian(months)).toEqual({ median: 24, n: 36, months: 4 });
  });

  it('leaves out months without cases, and has no headline without any', () => {
    expect(periodMedian([{ n: 0, median: null }, { n: 3, median: 5 }])).toEqual({ median: 5, n: 3, months: 1 });
    expect(periodMedian([{ n: 0, median: null }])).toBeUndefined();
    expect(periodMedian([])).toBeUndefined();
  });

  it('takes the lower middle for an even count, as the server’s nearest-rank median does', () => {
    expect(periodMedian([{ n: 1, median: 10 }, { n: 1, median: 20 }])).toMatchObject({ median: 10 });
  });
});
