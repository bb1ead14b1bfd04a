import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';

/** The compiled server, as `npm start` runs it. */
export const SERVER_ENTRY = join(process.cwd(), 'dist', 'src', 'main.js');
/** A fixed secret so the bench can sign its own tokens (the server reads JWT_SECRET). */
export const JWT_SECRET = 'brobygger-bench-secret-not-for-production';

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One GET over a kept-alive connection; resolves with the status once the body has been read. */
export function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${url} timed out`)));
    req.end();
  });
}

export interface RunningServer {
  url: string;
  /** Seconds from spawning the process to the first 200 from /health. */
  healthyAfter: number;
  /** The server's CPU time so far (user + system), in seconds: what noise on a shared machine moves least. */
  cpuSeconds(): number;
  /**
   * The main thread's CPU time alone (the event loop that answers requests),
   * without worker threads such as the projector's (PROJECTOR_THREAD=1).
   * Node 20 has no `process.threadCpuUsage`; Linux gives each thread's figures
   * in /proc/PID/task/TID/stat, and the main thread's TID is the PID.
   */
  mainThreadCpuSeconds(): number;
  stop(): Promise<void>;
}

/** User + system CPU seconds of a process, from /proc (Linux; NaN elsewhere). */
export function cpuSecondsOf(pid: number | undefined, thread?: number): number {
  try {
    const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces), in clock ticks: utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Starts `node dist/src/main.js` on DATA_DIR and waits (at most `timeoutMs`) for /health to answer 200. */
export async function startServer(dataDir: string, timeoutMs: number, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, SERVER_ENTRY], {
    env: { ...process.env, ...extraEnv, DATA_DIR: dataDir, PORT: String(port), JWT_SECRET, LOG_LEVEL: 'warn', EVENT_STORE: 'sqlite' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const exited = once(child, 'exit');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`the server was not healthy within ${timeoutMs} ms: ${stderr}`);
      const status = await get(`${url}/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, healthyAfter: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: () => cpuSecondsOf(child.pid), mainThreadCpuSeconds: () => cpuSecondsOf(child.pid, child.pid), stop };
}

/**
 * The floor of any HTTP answer here: a bare `node:http` server in a child
 * process answering a fixed JSON body, nothing else. Timed with the same
 * client as the real server, it shows what the route adds.
 */
export async function startBareServer(): Promise<RunningServer> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const script = `const body = '{"status":"ok"}';
require('node:http').createServer((req, res) => { req.resume(); res.setHeader('content-type', 'application/json; charset=utf-8'); res.end(body); }).listen(${port}, '127.0.0.1', () => process.stdout.write('listening'));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(child.stdout!, 'data');
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  return { url: `http://127.0.0.1:${port}`, healthyAfter: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: () => cpuSecondsOf(child.pid), mainThreadCpuSeconds: () => cpuSecondsOf(child.pid, child.pid), stop };
}

/**
 * W5b's baseline: a bare Fastify server in a child process
 * (`bench/children/bare-fastify.ts`) answering `GET /cases/:caseId/history`
 * with the raw SELECT's rows from the same SQLite file, opened read-only.
 */
export async function startBareFastify(dbFile: string): Promise<RunningServer> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [join(__dirname, '..', 'children', 'bare-fastify.js'), dbFile, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the bare Fastify server exited with ${String(code)}`);
  });
  await Promise.race([once(child.stdout!, 'data'), exited]);
  exited.catch(() => undefined);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  return { url: `http://127.0.0.1:${port}`, healthyAfter: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: () => cpuSecondsOf(child.pid), mainThreadCpuSeconds: () => cpuSecondsOf(child.pid, child.pid), stop };
}
