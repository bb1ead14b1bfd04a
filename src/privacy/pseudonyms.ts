import { createHmac, randomBytes } from 'node:crypto';
import { secretFile } from '../shared/private-files';

/**
 * Stable pseudonyms for auditors: a keyed hash (HMAC-SHA256) of the citizen id
 * with a secret kept under DATA_DIR, so the same person has the same pseudonym
 * in every export, and nobody without the secret can go back, not even from a
 * CPR number (which is never the input).
 */
export class Pseudonyms {
  constructor(private readonly secret: Buffer) {}

  static fromDataDir(dataDir: string): Pseudonyms {
    return new Pseudonyms(secretFile(dataDir, 'pseudonym.key', () => randomBytes(32)));
  }

  of(citizenId: string): string {
    return `p-${createHmac('sha256', this.secret).update(citizenId).digest('hex').slice(0, 20)}`;
  }
}
