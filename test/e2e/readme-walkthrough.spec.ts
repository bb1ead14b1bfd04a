import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The README's curl walkthrough, run as written by a newcomer would: its shell
 * blocks from "A case from the seeds, with curl" to "The command line", in one
 * bash (-euo pipefail), against the real server (`node dist/src/main.js`, what
 * `npm start` runs) on a fresh store, with the CLI's token from `npm run -s cli`.
 * Each answer the README gives in a comment (`# → {...}`, or `# "Closed"` after
 * a command; `…` stands for anything, ` — ` starts prose) must be the command's output.
 *
 * Named *.spec.ts, not *.e2e.spec.ts: it starts its own server on SQLite, so
 * the e2e-postgres project has nothing to add by running it again.
 */
const ROOT = join(__dirname, '..', '..');

/** bash, curl and jq: missing ones skip the walkthrough with a message, as Chromium's absence skips the browser tests; in CI they fail it. */
const missing = ['bash', 'curl', 'jq'].filter((tool) => spawnSync('which', [tool], { stdio: 'ignore' }).status !== 0);
if (missing.length > 0 && process.env.CI !== 'true') console.warn(`The README's walkthrough is skipped: it needs ${missing.join(', ')} (apt-get install ${missing.join(' ')}).`);
const describeIfTools = missing.length > 0 && process.env.CI !== 'true' ? describe.skip : describe;

describeIfTools("the README's curl walkthrough", () => {
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-readme-'));
  let server: ChildProcess | undefined;
  let base = '';

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`the README's walkthrough needs ${missing.join(', ')}: install them (apt-get install ${missing.join(' ')})`);
    execFileSync('npx', ['tsc', '-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
    ({ server, base } = await startServer(dir));
  }, 300_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs start to end, and every answer is the one its comment gives', () => {
    const { script, expectations } = walkthrough(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(expectations.length).toBeGreaterThanOrEqual(5);
    const outputs = mkdtempSync(join(tmpdir(), 'brobygger-readme-out-'));
    try {
      // As the README says: the server's DATA_DIR exported in the walkthrough's shell, and BASE where it listens.
      const { JWT_SECRET: _unused, ...env } = process.env;
      const printed = execFileSync('bash', ['-euo', 'pipefail', '-c', script], {
        cwd: ROOT,
        env: { ...env, DATA_DIR: dir, BASE: base, OUT: outputs },
        encoding: 'utf8',
        timeout: 240_000,
      });
      // Only the refusal the README shows is a problem; every other call succeeded.
      expect(printed.match(/urn:brobygger:problem:[a-z_]+/g) ?? []).toEqual(['urn:brobygger:problem:case_closed']);
      for (const { line, command, expected } of expectations) {
        const actual = normalised(readFileSync(join(outputs, `${line}.out`), 'utf8'));
        expect({ command, actual }).toEqual({ command, actual: expect.stringMatching(pattern(expected)) });
      }
    } finally {
      rmSync(outputs, { recursive: true, force: true });
    }
  }, 300_000);

  it("warns when the CLI signs a token with a key no server has used (the server's DATA_DIR not exported), and not otherwise", () => {
    const token = (dataDir: string) => {
      const { JWT_SECRET: _unused, ...env } = process.env;
      const run = spawnSync(process.execPath, ['dist/src/cli/main.js', 'token', '--role', 'coordinator', '--sub', 'readme-walkthrough'], { cwd: ROOT, env: { ...env, DATA_DIR: dataDir }, encoding: 'utf8' });
      expect(run.status).toBe(0);
      return run.stderr;
    };
    const elsewhere = mkdtempSync(join(tmpdir(), 'brobygger-readme-other-'));
    try {
      expect(token(elsewhere)).toMatch(/no server has run with DATA_DIR .*will refuse this token/);
      expect(token(dir)).toBe('');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

interface Expectation {
  line: number;
  command: string;
  expected: string;
}

/** A comment that gives an answer starts like JSON (`{`, `[`, `"`, a digit), or with `→ `; one in prose does not. Prose after ` — ` explains it. */
const ANSWER = /^(?:→ )?([{["\d].*?)(?: — .*)?$/;

/**
 * The walkthrough's script: the shell blocks between the two headings, with each
 * command that has an answer in a comment writing its output to $OUT/<line>.out too.
 */
function walkthrough(readme: string): { script: string; expectations: Expectation[] } {
  const from = readme.indexOf('## A case from the seeds, with curl');
  const to = readme.indexOf('## The command line');
  if (from < 0 || to < from) throw new Error('the README no longer has the walkthrough between its two headings');
  // An empty line after each block: an answer never runs on into the next block.
  const lines = [...readme.slice(from, to).matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) => [...block[1]!.trimEnd().split('\n'), '']);
  const expectations: Expectation[] = [];
  const script = lines.map((text, i) => {
    const trailing = /^([^#].*?\S)\s+# (.+)$/.exec(text);
    const own = trailing && ANSWER.exec(trailing[2]!);
    // An answer on the comment lines after the command (`# → ...`, continued by `#  ...`).
    let below = '';
    if (!own && text !== '' && !text.startsWith('#') && !text.startsWith(' ')) {
      const first = ANSWER.exec(lines[i + 1]?.startsWith('# ') ? lines[i + 1]!.slice(2) : '');
      if (first) below = first[1]!;
      for (let j = i + 2; first && j < lines.length && lines[j]!.startsWith('#  '); j++) below += lines[j]!.slice(3).trim();
    }
    const expected = own ? own[1]! : below;
    if (expected === '') return text;
    const command = own ? trailing![1]! : text;
    expectations.push({ line: i, command, expected });
    return `{ ${command} ; } > "$OUT/${i}.out"; cat "$OUT/${i}.out"; echo`;
  });
  return { script: script.join('\n'), expectations };
}

/** JSON compacted (jq pretty-prints); anything else trimmed. */
function normalised(output: string): string {
  const text = output.trim();
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

/** The README's answer as a pattern: `…` stands for anything, the rest is literal. */
function pattern(expected: string): RegExp {
  return new RegExp(`^${expected.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')}$`);
}

/** `node dist/src/main.js` on a fresh SQLite store in `dir`, on a port the system picks; resolves with where it listens. */
function startServer(dir: string): Promise<{ server: ChildProcess; base: string }> {
  const { JWT_SECRET: _unused, ...env } = process.env;
  const server = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: { ...env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, EVENT_STORE: 'sqlite', LOG_LEVEL: 'log' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s:\n${seen}`)), 60_000);
    const read = (chunk: Buffer) => {
      seen += chunk.toString();
      const port = /"msg":"brobygger listening","port":(\d+)/.exec(seen)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ server, base: `http://127.0.0.1:${port}` });
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${seen}`)));
  });
}
