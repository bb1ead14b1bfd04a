import type { Profile } from '../lib/profile';
import { Row, rowOf, skippedRow, summarise } from '../lib/stats';
import { postgresCommands, postgresProblem, postgresUrl, synchronousCommit } from '../workloads/postgres-commands';

const TARGET = { on: 'ratio', direction: 'at-least', threshold: 0.7 } as const;

/** W8: single-client commands on the PostgreSQL store against raw `pg` inserts; skipped (pass: null) without a server. */
export async function postgresRows(profile: Profile, log: (line: string) => void): Promise<Row[]> {
  const url = postgresUrl();
  const problem = await postgresProblem(url);
  if (problem) return [skippedRow('W8', 'commands/s', TARGET, problem)];
  const sync = await synchronousCommit(url);
  const core: number[] = [];
  const raw: number[] = [];
  for (let rep = 0; rep < profile.repetitions; rep++) {
    const run = await postgresCommands(url, profile.postgresCases, 300 + rep);
    core.push(run.core);
    raw.push(run.raw);
    log(`W8 repetition ${rep + 1}: raw ${run.raw.toFixed(0)}/s, core ${run.core.toFixed(0)}/s`);
  }
  return [
    rowOf({
      name: 'W8',
      unit: 'commands/s',
      value: summarise(core),
      baseline: { name: `raw pg single-row inserts (synchronous_commit=${sync})`, unit: 'inserts/s', value: summarise(raw) },
      target: TARGET,
      note: `single client: the seed’s case stories through the case command handler on the PostgreSQL store (synchronous_commit=${sync})`,
    }),
  ];
}
