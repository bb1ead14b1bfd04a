// Builds the web application into dist/web, but only when its sources changed
// since the last build (a hash of every source file, and of the lockfile), so
// `npm start` stays fast on a restart and still works on a fresh clone.
// `node web/build.mjs --force` always builds (npm run build).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const web = dirname(fileURLToPath(import.meta.url));
const root = dirname(web);
const out = join(root, 'dist', 'web');
const stamp = join(out, '.source-hash');

/** Every file the bundle is made from: web/ (but its output), the domain code lists it imports, the lockfile. */
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
  files.push(join(root, 'package-lock.json'));
  return files;
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of sources()) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const force = process.argv.includes('--force');
const hash = sourceHash();
if (!force && existsSync(join(out, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
  console.error('web: dist/web is up to date');
} else {
  console.error('web: type-checking and building dist/web ...');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(web, 'tsconfig.json')], { stdio: 'inherit' });
  const { build } = await import('vite');
  await build({ configFile: join(web, 'vite.config.mts') });
  writeFileSync(stamp, hash);
  console.error('web: built dist/web');
}
