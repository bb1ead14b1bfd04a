import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The sealing of personal data alone, two builds taking turns in one process
 * (docs/performance.md, "One envelope per event"). Each command's events
 * are sealed as the case command does (the citizen's key known), then
 * serialised as a store writes them; then a case's whole history is opened as
 * the edge opens an answer. The events are a case story's, from the stored
 * fixture test/fixtures/events/sealed-v1.json (its plaintext).
 *
 *   node dist-bench/bench/probes/seal-cpu.js DIST-BEFORE DIST-AFTER [rounds]
 */
type Cipher = { protect(events: unknown[], citizenId: string): Promise<Array<{ data: unknown }>>; reveal<T>(value: T): Promise<T> };

async function main(): Promise<void> {
  const [before, after, rounds = '7'] = process.argv.slice(2);
  const fixture = JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/events/sealed-v1.json'), 'utf8')) as { citizenId: string; plain: unknown[]; events: Array<{ type: string }> };
  const story = fixture.events.map((event, i) => ({ type: event.type, data: fixture.plain[i] }));
  const builds = [before!, after!].map((build) => {
    const from = (path: string): any => require(join(resolve(build), path));
    const { MemoryCitizenKeys } = from('src/privacy/crypto/citizen-keys');
    const { PersonalDataCipher } = from('src/privacy/crypto/personal-data.cipher');
    return { build, cipher: new PersonalDataCipher(new MemoryCitizenKeys()) as Cipher };
  });
  const stories = 2000;
  const results = new Map<string, { write: number[]; read: number[] }>(builds.map(({ build }) => [build, { write: [], read: [] }]));
  for (let round = 0; round < Number(rounds); round++) {
    for (const { build, cipher } of round % 2 ? [...builds].reverse() : builds) {
      let sealed: Array<{ data: unknown }> = [];
      let bytes = 0;
      const t0 = process.cpuUsage();
      for (let s = 0; s < stories; s++) {
        sealed = [];
        // One command per event, as the stories are told.
        for (const event of story) for (const one of await cipher.protect([event], fixture.citizenId)) (sealed.push(one), (bytes += JSON.stringify(one.data).length));
      }
      const write = process.cpuUsage(t0);
      const t1 = process.cpuUsage();
      for (let s = 0; s < stories; s++) await cipher.reveal(sealed.map((e) => e.data));
      const read = process.cpuUsage(t1);
      const r = results.get(build)!;
      r.write.push((write.user + write.system) / (stories * story.length));
      r.read.push((read.user + read.system) / stories);
      if (round === 0) console.log(JSON.stringify({ build, storedBytesPerEvent: Math.round(bytes / (stories * story.length)) }));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [build, { write, read }] of results) {
    console.log(JSON.stringify({ build, sealAndSerialiseUsPerEvent: Number(median(write).toFixed(2)), openStoryUs: Number(median(read).toFixed(1)), write: write.map((x) => Number(x.toFixed(2))), read: read.map((x) => Number(x.toFixed(1))) }));
  }
}

void main();
