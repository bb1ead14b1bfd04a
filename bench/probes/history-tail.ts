import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { caseStreamId } from '../../domain/shared/ids';
import { caseHistory, historyAsOf } from '../../projections/case-history/case-history';
import { loadConfig } from '../../src/config/config';
import { PersonalDataCipher } from '../../src/privacy/crypto/personal-data.cipher';
import { openStorage } from '../../src/storage/open-storage';
import { JWT_SECRET } from '../lib/server';
import { draw } from '../workloads/history';
import { prepareDataset } from '../workloads/dataset';

/**
 * W5a's tail (docs/performance.md, "Issue #23"): on a fresh quick-size store,
 * the history read of W5a in its three steps (readStream, fold, reveal), timed
 * apart, and which of the slowest 1 % overlap a garbage collection (with its
 * kind: 1 a scavenge, 4 mark-sweep). Not part of the bench.
 *
 *   node dist-bench/bench/probes/history-tail.js [READS]
 */
interface Sample {
  from: number;
  to: number;
  read: number;
  fold: number;
  reveal: number;
}

async function main(): Promise<void> {
  const reads = Number(process.argv[2] ?? 3000);
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-history-tail-'));
  try {
    const data = await prepareDataset(join(dir, 'stored'), 100_000, 500, () => undefined);
    const storage = await openStorage(loadConfig({ DATA_DIR: data.dataDir, JWT_SECRET, EVENT_STORE: 'sqlite' }));
    const cipher = new PersonalDataCipher(storage.citizenKeys);
    const gcs: Array<{ from: number; to: number; kind: number }> = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => gcs.push({ from: e.startTime, to: e.startTime + e.duration, kind: (e as unknown as { detail: { kind: number } }).detail.kind })));
    observer.observe({ entryTypes: ['gc'] });
    const samples: Sample[] = [];
    for (const caseId of draw(data.caseIds, reads, 0)) {
      const from = performance.now();
      const events = await storage.events.readStream(caseStreamId(caseId));
      const read = performance.now();
      const entries = historyAsOf(caseHistory(events), undefined, 'occurred');
      const fold = performance.now();
      await cipher.reveal(entries);
      const to = performance.now();
      samples.push({ from, to, read: read - from, fold: fold - read, reveal: to - fold });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    await storage.close();
    const total = (s: Sample) => s.to - s.from;
    samples.sort((a, b) => total(b) - total(a));
    const tail = samples.slice(0, Math.max(1, Math.floor(samples.length / 100)));
    const during = (s: Sample) => gcs.filter((g) => g.from < s.to && g.to > s.from);
    console.log(`${reads} reads: p50 ${total(samples[Math.floor(samples.length / 2)]!).toFixed(3)} ms, p99 ${total(tail[tail.length - 1]!).toFixed(3)} ms; ${gcs.length} GCs in all`);
    console.log(`slowest 1 % (${tail.length}): ${tail.filter((s) => during(s).length > 0).length} overlap a GC`);
    for (const s of tail.slice(0, 10)) {
      const gc = during(s).map((g) => `${(g.to - g.from).toFixed(2)} ms kind ${g.kind}`);
      console.log(`${total(s).toFixed(2)} ms: read ${s.read.toFixed(2)}, fold ${s.fold.toFixed(2)}, reveal ${s.reveal.toFixed(2)}; GC ${gc.join(', ') || 'none'}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
