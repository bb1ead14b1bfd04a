import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerOptions } from 'node:worker_threads';

/**
 * How to start the worker thread whose entry is `name` in `dir`: its compiled
 * `.js` (the build, what `npm start` runs), or, only when running from the
 * TypeScript sources as Jest does, its `.ts` through SWC (a dev dependency,
 * with the project's .swcrc), since a worker thread does not go through
 * Jest's transform.
 */
export function workerScript(dir: string, name: string): { filename: string; options: WorkerOptions } {
  const compiled = join(dir, `${name}.js`);
  if (existsSync(compiled)) return { filename: compiled, options: {} };
  const source = join(dir, `${name}.ts`);
  const loader = `
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { filename, swcrc: true, sourceMaps: 'inline' });
  module._compile(code, filename);
};
require(${JSON.stringify(source)});`;
  return { filename: loader, options: { eval: true } };
}
