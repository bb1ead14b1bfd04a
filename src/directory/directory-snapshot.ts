import type { CaseEntry, CitizenEntry, Directory, EntryKey, VisitorEntry } from '../../projections/directory/directory';
import type { OfferEntry } from '../../projections/directory/directory-offers';
import type { ProgrammeEntry } from '../../projections/directory/directory-programmes';

/** The read-model namespace the persisted Directory lives in: one document per entry, and a checkpoint. */
export const DIRECTORY_MODEL = 'directory';

/**
 * One entry as stored. `seq` is the entry's place in its map, so a Directory
 * loaded from the store iterates in the same order as one folded from 0 (the
 * seed's choices, and any listing without its own order, depend on it).
 */
export type EntryDoc =
  | { seq: number; case: CaseEntry }
  | { seq: number; visitor: Omit<VisitorEntry, 'activeCaseIds'> & { activeCaseIds: string[] } }
  | { seq: number; citizen: CitizenEntry }
  | { seq: number; offer: OfferEntry }
  | { seq: number; programme: ProgrammeEntry };

/** Documents are keyed by `seq`, zero-padded, so the store lists them in the order they are put back in. */
export const docKey = (seq: number): string => String(seq).padStart(12, '0');

/** The stored form of an entry, or undefined if there is none by that key. */
export function entryDoc(directory: Directory, key: EntryKey, seq: number): EntryDoc | undefined {
  const id = key.slice(key.indexOf(':') + 1);
  if (key.startsWith('case:')) {
    const entry = directory.cases.get(id);
    return entry && { seq, case: { ...entry } };
  }
  if (key.startsWith('visitor:')) {
    const entry = directory.visitors.get(id);
    return entry && { seq, visitor: { ...entry, activeCaseIds: [...entry.activeCaseIds] } };
  }
  if (key.startsWith('offer:')) {
    const entry = directory.offers.get(id);
    return entry && { seq, offer: { ...entry } };
  }
  if (key.startsWith('programme:')) {
    const entry = directory.programmes.get(id as ProgrammeEntry['programme']);
    return entry && { seq, programme: { ...entry } };
  }
  const entry = directory.citizens.get(id);
  return entry && { seq, citizen: { ...entry, caseIds: [...entry.caseIds] } };
}

/** The entry an entry key names (its object stays the same while the Directory changes it). */
export function entryOf(directory: Directory, key: EntryKey): object | undefined {
  const id = key.slice(key.indexOf(':') + 1);
  if (key.startsWith('case:')) return directory.cases.get(id);
  if (key.startsWith('visitor:')) return directory.visitors.get(id);
  if (key.startsWith('offer:')) return directory.offers.get(id);
  if (key.startsWith('programme:')) return directory.programmes.get(id as ProgrammeEntry['programme']);
  return directory.citizens.get(id);
}

/** Puts stored entries back, each map in its original order; returns each entry's seq, by the entry. */
export function restoreEntries(directory: Directory, docs: readonly EntryDoc[]): Map<object, number> {
  const seqs = new Map<object, number>();
  const inOrder = docs.every((doc, i) => i === 0 || docs[i - 1]!.seq < doc.seq);
  for (const doc of inOrder ? docs : [...docs].sort((a, b) => a.seq - b.seq)) {
    if ('case' in doc) {
      directory.cases.set(doc.case.caseId, doc.case);
      seqs.set(doc.case, doc.seq);
    } else if ('visitor' in doc) {
      const visitor = { ...doc.visitor, activeCaseIds: new Set(doc.visitor.activeCaseIds) };
      directory.visitors.set(visitor.visitorId, visitor);
      seqs.set(visitor, doc.seq);
    } else if ('offer' in doc) {
      directory.offers.set(doc.offer.offerId, doc.offer);
      seqs.set(doc.offer, doc.seq);
    } else if ('programme' in doc) {
      directory.programmes.set(doc.programme.programme, doc.programme);
      seqs.set(doc.programme, doc.seq);
    } else {
      directory.citizens.set(doc.citizen.citizenId, doc.citizen);
      seqs.set(doc.citizen, doc.seq);
    }
  }
  return seqs;
}
