import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashPassword, checkPassword } from '../../src/privacy/users/passwords';

/**
 * How many password checks at once the server can afford (docs/operations.md,
 * "Sign-in under load"): for each bound, that many bcrypt checks (cost 12)
 * run back to back for a few seconds while a loopback HTTP server beside them
 * answers a trivial request every 20 ms, as `/health` would. Reported: checks
 * per second, and the trivial request's p50, p99 and worst time.
 *
 *   node dist-bench/bench/probes/sign-in-checks.js [seconds] [bounds...]   # default 6 s; 1 2 4 8
 */
async function main(): Promise<void> {
  const [secondsArg, ...boundArgs] = process.argv.slice(2);
  const seconds = Number(secondsArg ?? 6);
  const bounds = boundArgs.length > 0 ? boundArgs.map(Number) : [1, 2, 4, 8];
  const hash = await hashPassword('en-lang-adgangskode');
  const server = createServer((_request, response) => response.end('{"status":"ok"}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
  try {
    for (const bound of bounds) console.log(JSON.stringify({ atOnce: bound, ...(await measure(bound, seconds, hash, url)) }));
  } finally {
    server.close();
  }
}

async function measure(bound: number, seconds: number, hash: string, url: string) {
  const until = Date.now() + seconds * 1000;
  let checks = 0;
  const checker = async () => {
    while (Date.now() < until) {
      await checkPassword('forkert-kode-123', hash);
      checks += 1;
    }
  };
  const times: number[] = [];
  const prober = async () => {
    while (Date.now() < until) {
      const started = performance.now();
      await (await fetch(url)).text();
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await Promise.all([...Array.from({ length: bound }, checker), prober()]);
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
  return { checksPerSecond: Math.round((checks / seconds) * 10) / 10, healthP50Ms: at(0.5), healthP99Ms: at(0.99), healthMaxMs: at(1) };
}

void main();
