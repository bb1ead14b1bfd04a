import { join } from 'node:path';

/**
 * `cli rebuild`'s work without its worker thread and module loading (issue
 * #23, W4): every projection rebuilt from position 0 on a prepared store, in
 * this process, with its CPU, wall time and peak RSS; run under
 * `node --cpu-prof` for a profile of the rebuild alone, and
 * `rebuild-shares.js` on that profile. CODE is a tree whose `dist/` is used
 * (this one by default), so two builds can be profiled in turns:
 *
 *   node --cpu-prof --cpu-prof-dir=DIR dist-bench/bench/probes/rebuild-in-process.js DATA_DIR [CODE]
 */
async function main(): Promise<void> {
  const [dataDir, code = join(__dirname, '..', '..', '..')] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: rebuild-in-process.js DATA_DIR [CODE]');
  Object.assign(process.env, { DATA_DIR: dataDir, EVENT_STORE: 'sqlite', LOG_LEVEL: 'warn' });
  const dist = join(code, 'dist', 'src');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadConfig } = require(join(dist, 'config/config.js')) as typeof import('../../src/config/config');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { openEnvironment } = require(join(dist, 'cli/environment.js')) as typeof import('../../src/cli/environment');
  const env = await openEnvironment(loadConfig());
  try {
    const [cpu, started] = [process.cpuUsage(), Date.now()];
    await env.projector.rebuild(undefined, undefined, []);
    const used = process.cpuUsage(cpu);
    console.log(JSON.stringify({ code, cpuSeconds: (used.user + used.system) / 1e6, wallSeconds: (Date.now() - started) / 1000, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  } finally {
    await env.close();
  }
}

void main();
