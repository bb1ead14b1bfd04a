/** How big each workload is: `--quick` (under 3 minutes) or the full run (about 15 minutes on 2 cores). */
export interface Profile {
  quick: boolean;
  /** Repetitions of each figure (its median is reported, with min and max). */
  repetitions: number;
  /** Cases told per repetition: W1 one at a time, W2 by 32 clients. */
  singleClientCases: number;
  concurrentCases: number;
  clients: number;
  /** W3: cases seeded for the server, and seconds of load per repetition. */
  httpCases: number;
  httpSeconds: number;
  /** W4–W7: events in the prepared store; cases seeded through the command path before the bulk load. */
  events: number;
  baseCases: number;
  rebuildRepetitions: number;
  startupRepetitions: number;
  historyRequests: number;
  /** W8: cases per repetition on PostgreSQL. */
  postgresCases: number;
}

export const profileOf = (quick: boolean): Profile =>
  quick
    ? {
        quick,
        repetitions: 3,
        singleClientCases: 100,
        concurrentCases: 300,
        clients: 32,
        httpCases: 300,
        httpSeconds: 5,
        events: 100_000,
        baseCases: 500,
        rebuildRepetitions: 3,
        startupRepetitions: 3,
        historyRequests: 300,
        postgresCases: 40,
      }
    : {
        quick,
        repetitions: 5,
        singleClientCases: 300,
        concurrentCases: 1000,
        clients: 32,
        httpCases: 600,
        httpSeconds: 10,
        events: 1_000_000,
        baseCases: 2000,
        rebuildRepetitions: 3,
        startupRepetitions: 3,
        historyRequests: 1000,
        postgresCases: 120,
      };
