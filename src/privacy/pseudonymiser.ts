import { Inject, Injectable, SetMetadata } from '@nestjs/common';
import { pseudonymise } from '../../projections/shared/pseudonymise';
import { SERVICE_SECRETS, ServiceSecrets } from '../storage/secrets';
import { Pseudonyms } from './pseudonyms';

/** Marks a route an auditor may read, pseudonymised: no names, contact details, CPR or free text. */
export const PSEUDONYMISED = 'brobygger:pseudonymised';
export const PseudonymisedForAuditors = () => SetMetadata(PSEUDONYMISED, true);

/**
 * Rewrites an auditor's answers without personal data, the citizen named by a
 * stable pseudonym. Applied to every answer of a route marked for auditors, when
 * an auditor asks, by src/privacy/answer-privacy.ts (outermost: after the access log
 * has seen whose data it was, and after decryption).
 */
@Injectable()
export class Pseudonymiser {
  readonly pseudonyms: Pseudonyms;

  constructor(@Inject(SERVICE_SECRETS) secrets: ServiceSecrets) {
    this.pseudonyms = new Pseudonyms(secrets.pseudonymSecret);
  }

  answer(body: unknown): unknown {
    return pseudonymise(body, (citizenId) => this.pseudonyms.of(citizenId));
  }
}
