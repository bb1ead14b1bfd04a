import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Stable pseudonyms for auditors: a keyed hash (HMAC-SHA256) of the citizen id
 * with a secret kept under DATA_DIR, so the same person has the same pseudonym
 * in every export, and nobody without the secret can go back, not even from a
 * CPR number (which is never the input).
 */
export class Pseudonyms {
  constructor(private readonly secret: Buffer) {}

  static fromDataDir(dataDir: string): Pseudonyms {
    const file = join(dataDir, 'pseudonym.key');
    try {
      return new Pseudonyms(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return new Pseudonyms(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'));
  }

  of(citizenId: string): string {
    return `p-${createHmac('sha256', this.secret).update(citizenId).digest('hex').slice(0, 20)}`;
  }
}
