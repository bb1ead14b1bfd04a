// Builds the web application into dist/web, but only when its sources changed
// since the last build (a hash of every source file, and of the lockfile), so
// `npm start` stays fast on a restart and still works on a fresh clone.
// `node web/build.mjs --force` always builds (npm run build).
// Several processes may ask at once (test workers): one builds, under a lock,
// into a fresh folder that then replaces dist/web in one rename; the others wait.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const web = dirname(fileURLToPath(import.meta.url));
const root = dirname(web);
const out = join(root, 'dist', 'web');
const stamp = join(out, '.source-hash');
const lock = join(root, 'dist', 'web.lock');
const LOCK_WAIT_MS = 5 * 60_000;

/** Every file the bundle is made from: web/, the domain code lists it imports, the lockfile. */
function sources() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (name === 'node_modules' || name === 'dist') continue;
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(web);
  walk(join(root, 'domain', 'shared'));
  walk(join(root, 'domain', 'matching'));
  files.push(join(root, 'package-lock.json'));
  return files;
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of sources()) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const upToDate = (hash) => existsSync(join(out, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;

async function acquireLock() {
  mkdirSync(dirname(lock), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock left by a build that was killed: older than the longest wait.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > LOCK_WAIT_MS) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`web: ${lock} is held for more than 5 minutes; remove it if no build runs`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

const force = process.argv.includes('--force');
const hash = sourceHash();
if (!force && upToDate(hash)) {
  console.error('web: dist/web is up to date');
} else {
  await acquireLock();
  try {
    if (!force && upToDate(hash)) {
      console.error('web: dist/web was built meanwhile');
    } else {
      console.error('web: type-checking and building dist/web ...');
      execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(web, 'tsconfig.json')], { stdio: 'inherit' });
      const fresh = join(root, 'dist', `web-${process.pid}`);
      const { build } = await import('vite');
      await build({ configFile: join(web, 'vite.config.mts'), build: { outDir: fresh } });
      writeFileSync(join(fresh, '.source-hash'), hash);
      const old = join(root, 'dist', `web-old-${process.pid}`);
      if (existsSync(out)) renameSync(out, old);
      renameSync(fresh, out);
      rmSync(old, { recursive: true, force: true });
      console.error('web: built dist/web');
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
