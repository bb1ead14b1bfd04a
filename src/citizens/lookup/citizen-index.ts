import { createHmac, randomBytes } from 'node:crypto';
import type { CitizenEntry, Directory } from '../../../projections/directory/directory';
import { nameTokens } from '../../../domain/shared/names';
import { streamCategory } from '../../../domain/shared/ids';
import type { EventStore } from '../../event-store/event-store.port';
import type { PersonalDataCipher } from '../../privacy/crypto/personal-data.cipher';

/** A known citizen as the lookup answers: the name still sealed (the answer hook opens it). */
export interface KnownCitizen {
  citizenId: string;
  name: string;
  birthYear?: number;
  openCases: number;
  lastReferralAt?: string;
}

/** What the index holds of one citizen: keyed hashes only, and the sealed values they were made from. */
interface Keys {
  sealedName: string;
  sealedCpr?: string;
  cpr?: string;
  /** Every prefix of every folded name token, keyed. */
  name: Set<string>;
}

/** At most this many citizens in an answer. */
export const LOOKUP_LIMIT = 20;

/**
 * The citizen lookup (docs/privacy.md, "Finding a known citizen"; ADR 0010).
 * Citizens' names and CPR numbers are sealed under each citizen's key, so
 * they cannot be searched where they are stored. This index holds, for each
 * citizen the Directory knows and who is not erased, a keyed hash (HMAC-SHA256
 * under a key drawn at random when the process starts) of the CPR number and
 * of every prefix of every folded name token. It lives only in memory and is
 * never written anywhere: each process builds it from the Directory, opening
 * the sealed name and CPR of citizens it has not indexed yet, at the first
 * lookup after they appear. An erased citizen's sealed values leave the
 * Directory with the erasure, and their keys leave this index at the next
 * lookup, before it answers: an erased citizen is never found.
 */
export class CitizenIndex {
  private readonly secret = randomBytes(32);
  private readonly keys = new Map<string, Keys>();
  /** CPR key → citizen, for the referral's join (one lookup per referral, not a scan). */
  private readonly byCprKey = new Map<string, string>();
  /** Citizens whose referral or erasure was committed since the last pass; `undefined`: look at every citizen. */
  private changed: Set<string> | undefined;
  private readonly watching: boolean;
  private syncing?: Promise<void>;

  /** With `store`, only the citizens its commits touch are looked at again; without, every citizen at each lookup. */
  constructor(
    private readonly source: { readonly directory: Directory },
    private readonly cipher: PersonalDataCipher,
    store?: Pick<EventStore, 'onAppended'>,
  ) {
    store?.onAppended((events) => {
      if (!this.changed) return;
      for (const event of events) {
        if (event.type === 'ReferralReceived') this.changed.add((event.data as { citizenId: string }).citizenId);
        else if (event.type === 'CitizenErased' && streamCategory(event.streamId) === 'citizen') this.changed.add(event.streamId.slice('citizen-'.length));
      }
    });
    this.watching = store !== undefined;
  }

  /** The citizen whose CPR number this is, with their name opened (to compare with a referral's), if known and not erased. */
  async byCpr(cpr: string): Promise<{ citizenId: string; name: string } | undefined> {
    await this.sync();
    const citizenId = this.byCprKey.get(this.cprKey(cpr));
    const citizen = citizenId === undefined ? undefined : this.source.directory.citizens.get(citizenId);
    if (!citizen || citizen.erased || citizen.name === undefined) return undefined;
    const [name] = await this.cipher.reveal([citizen.name]);
    return { citizenId: citizen.citizenId, name: name! };
  }

  /** Known citizens whose CPR number is this one, or whose name has a token beginning with each word of `search`; latest referral first. */
  async find(query: { cpr?: string; search?: string }): Promise<KnownCitizen[]> {
    await this.sync();
    const cpr = query.cpr === undefined ? undefined : this.cprKey(query.cpr);
    const words = query.search === undefined ? [] : nameTokens(query.search).map((word) => this.hash(`name:${word}`));
    if (cpr === undefined && words.length === 0) return [];
    const found: KnownCitizen[] = [];
    for (const [citizenId, keys] of this.keys) {
      if (cpr !== undefined ? keys.cpr !== cpr : !words.every((word) => keys.name.has(word))) continue;
      const citizen = this.source.directory.citizens.get(citizenId);
      if (citizen && !citizen.erased && citizen.name !== undefined) found.push(this.describe(citizen, citizen.name));
    }
    found.sort((a, b) => (b.lastReferralAt ?? '').localeCompare(a.lastReferralAt ?? ''));
    return found.slice(0, LOOKUP_LIMIT);
  }

  /** The keyed hash of a CPR number, with or without its hyphen (also the lock key for referrals naming it). */
  cprKey(cpr: string): string {
    return this.hash(`cpr:${cpr.replace(/\D/g, '')}`);
  }

  private describe(citizen: CitizenEntry, name: string): KnownCitizen {
    let openCases = 0;
    let lastReferralAt: string | undefined;
    for (const caseId of citizen.caseIds) {
      const entry = this.source.directory.cases.get(caseId);
      if (!entry) continue;
      if (entry.status !== 'Closed') openCases++;
      if (lastReferralAt === undefined || entry.referredAt > lastReferralAt) lastReferralAt = entry.referredAt;
    }
    return {
      citizenId: citizen.citizenId,
      name,
      ...(citizen.birthYear !== undefined && { birthYear: citizen.birthYear }),
      openCases,
      ...(lastReferralAt !== undefined && { lastReferralAt }),
    };
  }

  /** Brings the index level with the Directory: erased citizens out, new or changed ones opened and keyed. One pass at a time. */
  private sync(): Promise<void> {
    this.syncing ??= this.catchUp().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async catchUp(): Promise<void> {
    const citizens = this.source.directory.citizens;
    // The first pass (and every pass without a store to watch) looks at everyone; later ones at what changed.
    const ids = this.changed ?? citizens.keys();
    this.changed = this.watching ? new Set() : undefined;
    const stale: CitizenEntry[] = [];
    for (const citizenId of ids) {
      const citizen = citizens.get(citizenId);
      const held = this.keys.get(citizenId);
      if (!citizen || citizen.erased || citizen.name === undefined) {
        if (held) this.forget(citizenId, held);
        continue;
      }
      if (!held || held.sealedName !== citizen.name || held.sealedCpr !== citizen.cpr) stale.push(citizen);
    }
    if (stale.length === 0) return;
    const opened = await this.cipher.reveal(stale.map((citizen) => [citizen.name!, citizen.cpr ?? '']));
    stale.forEach((citizen, i) => {
      // Erased while we opened: its values read [slettet] and must not be keyed.
      if (citizen.erased || citizen.name === undefined) return;
      const held = this.keys.get(citizen.citizenId);
      if (held) this.forget(citizen.citizenId, held);
      const [name, cpr] = opened[i]!;
      const keys: Keys = { sealedName: citizen.name, name: this.nameKeys(name!) };
      if (citizen.cpr !== undefined) {
        Object.assign(keys, { sealedCpr: citizen.cpr, cpr: this.cprKey(cpr!) });
        this.byCprKey.set(keys.cpr!, citizen.citizenId);
      }
      this.keys.set(citizen.citizenId, keys);
    });
  }

  private forget(citizenId: string, held: Keys): void {
    this.keys.delete(citizenId);
    if (held.cpr !== undefined && this.byCprKey.get(held.cpr) === citizenId) this.byCprKey.delete(held.cpr);
  }

  private nameKeys(name: string): Set<string> {
    const keys = new Set<string>();
    for (const token of nameTokens(name)) {
      for (let end = 1; end <= token.length; end++) keys.add(this.hash(`name:${token.slice(0, end)}`));
    }
    return keys;
  }

  private hash(value: string): string {
    return createHmac('sha256', this.secret).update(value).digest('base64url').slice(0, 22);
  }
}
