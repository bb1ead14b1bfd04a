/**
 * Preloaded into a measured child (`node -r .../max-rss.js ...`): at exit it
 * writes the process's peak resident set size (bytes) to BENCH_RSS_FILE, so
 * W6 reads the real CLI's own peak, not the harness's.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
