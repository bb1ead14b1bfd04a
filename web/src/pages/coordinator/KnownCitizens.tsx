import { useEffect, useState } from 'preact/hooks';
import { parseCpr } from '../../../../domain/shared/danish';
import { get, query } from '../../api';
import { date } from '../../format';

/** A citizen already known, as `GET /citizens` answers. */
export interface KnownCitizen {
  citizenId: string;
  name: string;
  birthYear?: number;
  openCases: number;
  lastReferralAt?: string;
}

/** How long the coordinator may pause typing before the lookup asks (one request per pause, not per key). */
const DEBOUNCE_MS = 350;

/**
 * Looks the citizen up as the coordinator types: by the CPR number once it
 * is a whole, real one, otherwise by the name (2 letters or more). The
 * answer that arrives is always the latest question's.
 */
export function useKnownCitizens(name: string, cpr: string): KnownCitizen[] {
  const [found, setFound] = useState<KnownCitizen[]>([]);
  const wholeCpr = parseCpr(cpr.trim()) ? cpr.trim() : undefined;
  const search = name.trim().length >= 2 ? name.trim() : undefined;
  useEffect(() => {
    if (!wholeCpr && !search) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      get<KnownCitizen[]>(`/citizens${query(wholeCpr ? { cpr: wholeCpr } : { search })}`).then(
        (citizens) => live && setFound(citizens),
        // A lookup that fails leaves the form as it is: the referral can be taken without it.
        () => live && setFound([]),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wholeCpr, search]);
  return found;
}

const describe = (c: KnownCitizen): string =>
  [c.birthYear && `født ${c.birthYear}`, `${c.openCases} ${c.openCases === 1 ? 'åben sag' : 'åbne sager'}`, c.lastReferralAt && `senest henvist ${date(c.lastReferralAt)}`].filter(Boolean).join(', ');

/** The known citizens the lookup found, each with "Kendt borger" to refer that person. */
export function KnownCitizenList({ found, onChoose }: { found: KnownCitizen[]; onChoose: (citizen: KnownCitizen) => void }) {
  return (
    <div class="known-citizens" role="status" aria-live="polite">
      {found.length > 0 && (
        <>
          <p>
            <strong>{found.length === 1 ? 'En kendt borger passer' : `${found.length} kendte borgere passer`}</strong>.{' '}
            {found.length === 1 ? 'Er det samme person, så vælg «Kendt borger».' : 'Er det en af dem, så vælg «Kendt borger» ud for personen.'}
          </p>
          <ul>
            {found.map((c) => (
              <li key={c.citizenId}>
                <span>
                  {c.name} <span class="muted">({describe(c)})</span>
                </span>
                <button type="button" onClick={() => onChoose(c)}>
                  Kendt borger: {c.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The referral is for a known citizen: their details come from earlier referrals, so none are typed again. */
export function ChosenCitizen({ citizen, onUndo }: { citizen: KnownCitizen; onUndo: () => void }) {
  return (
    <div class="notice notice-info known-chosen">
      <p>
        Henvises som kendt borger: <strong>{citizen.name}</strong> ({describe(citizen)}). Navn, adresse og telefon er dem, borgeren er kendt med.
      </p>
      <button type="button" onClick={onUndo}>
        Fortryd: ny borger
      </button>
    </div>
  );
}
