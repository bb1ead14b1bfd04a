import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The repository root (this file runs from dist-crash/test/crash/). */
export const ROOT = join(__dirname, '..', '..', '..');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nobody listens on now, on 127.0.0.1 (kept across the restarts of one scenario). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServerEnv {
  port: number;
  /** The server's own variables: DATA_DIR, EVENT_STORE, DATABASE_URL, DATABASE_SCHEMA, JWT_SECRET. */
  env: Record<string, string>;
  /** Where its standard output and error go (appended across restarts). */
  log: string;
}

/**
 * The real service: the production entry point `node dist/src/main.js`, which
 * is what `npm start` runs once it has built what is stale (test:crash builds
 * first), in a process group of its own as npm start has, so that a stop of the
 * group stops everything it started. Run directly so that its own exit code is
 * seen (npm re-raises a signal instead of passing the code on).
 */
export class Server {
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  static start({ port, env, log }: ServerEnv): Server {
    const out = openSync(log, 'a', 0o600);
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', out, out],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: process.env.CRASH_LOG_LEVEL ?? 'warn', ...env },
    });
    closeSync(out);
    return new Server(child, port);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Waits until /health answers 200 (the projections have caught up); throws after `timeoutMs` or if the process ends. */
  async healthy(timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    let ended = false;
    void this.exited.then(() => (ended = true));
    while (Date.now() < until && !ended) {
      try {
        const res = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await sleep(100);
    }
    throw new Error(ended ? `the server on port ${this.port} exited before it was healthy` : `the server on port ${this.port} was not healthy within ${timeoutMs} ms`);
  }

  /** Signals the whole process group and waits (at most `timeoutMs`) for the process to end. */
  async stop(signal: 'SIGKILL' | 'SIGTERM', timeoutMs = 30_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    try {
      process.kill(-this.child.pid!, signal);
    } catch {
      // Already gone.
    }
    const timeout = sleep(timeoutMs).then(() => 'timeout' as const);
    const result = await Promise.race([this.exited, timeout]);
    if (result === 'timeout') {
      this.killQuietly();
      throw new Error(`the server did not end within ${timeoutMs} ms of ${signal}`);
    }
    // npm has ended; make sure node (same group) is gone too before anyone reuses the port or the file.
    for (let i = 0; i < 100 && (await listening(this.port)); i++) await sleep(50);
    return result;
  }

  /** The exit of the process. */
  ended(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.exited;
  }

  /** For clean-up in `finally`: the group, whatever state it is in. */
  killQuietly(): void {
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

async function listening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(500) });
    return true;
  } catch {
    return false;
  }
}
