import { createHmac, randomBytes } from 'node:crypto';
import { secretFile } from '../shared/private-files';
import { SECRET_BYTES } from '../storage/secrets';

/**
 * Stable pseudonyms for auditors: a keyed hash (HMAC-SHA256) of the citizen id
 * with a secret the storage module keeps (src/storage/secrets.ts), so the same person has the same pseudonym
 * in every export, and nobody without the secret can go back, not even from a
 * CPR number (which is never the input).
 */
export class Pseudonyms {
  constructor(private readonly secret: Buffer) {}

  /** Where the secrets are files under DATA_DIR (sqlite, memory): for tools and tests. */
  static fromDataDir(dataDir: string): Pseudonyms {
    return new Pseudonyms(secretFile(dataDir, 'pseudonym.key', () => randomBytes(SECRET_BYTES.pseudonym)));
  }

  of(citizenId: string): string {
    return `p-${createHmac('sha256', this.secret).update(citizenId).digest('hex').slice(0, 20)}`;
  }

  /** A case's pseudonym in the evaluation data set (issue 22): the same keyed hash of `case:<caseId>`, so it never equals a citizen's. */
  ofCase(caseId: string): string {
    return `c-${createHmac('sha256', this.secret).update(`case:${caseId}`).digest('hex').slice(0, 20)}`;
  }
}
