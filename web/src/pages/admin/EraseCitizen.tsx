import { useState } from 'preact/hooks';
import { ApiError, get, post } from '../../api';
import { Field, Notice } from '../../ui';
import { CitizenExport, sameName, WhoIsErased, whoIsErased } from './citizen-facts';

/**
 * Erasure (crypto-shredding) behind a confirmation a tired hand cannot give by
 * mistake: the page says whose data goes (name, birth year, open cases, read
 * from the art. 15 export, which the access log records), and the admin types
 * the name before the button works.
 */
export function EraseCitizen({ citizenId, onErased }: { citizenId: string; onErased: (text: string) => void }) {
  const [who, setWho] = useState<WhoIsErased>();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await what();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? 'Der findes ingen borger med det id.' : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const lookUp = () => run(async () => setWho(whoIsErased(await get<CitizenExport>(`/citizens/${citizenId}/export`))));
  const erase = () =>
    run(async () => {
      const answer = (await post<{ closedCaseIds: string[] }>(`/citizens/${citizenId}/erase`, {})).data;
      const closed = answer.closedCaseIds?.length ?? 0;
      setWho(undefined);
      setTyped('');
      onErased(`Borgeren er slettet: alle personoplysninger vises nu som [slettet]. Statistikken er bevaret.${closed > 0 ? ` ${closed} åben${closed === 1 ? '' : 'e'} sag${closed === 1 ? '' : 'er'} er afsluttet.` : ''}`);
    });

  return (
    <details class="card" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && !who && void lookUp()}>
      <summary>Slet borgeren</summary>
      <p>Borgerens nøgle destrueres: navn, adresse, CPR og alle fritekster kan aldrig læses igen. Borgerens åbne sager afsluttes. Det kan ikke fortrydes.</p>
      {error && <Notice kind="error">{error}</Notice>}
      {!who ? (
        <p class="muted" aria-live="polite">{busy ? 'Henter borgerens oplysninger …' : ''}</p>
      ) : (
        <>
          <dl class="facts" aria-label="Borgeren der slettes">
            <dt>Navn</dt>
            <dd>{who.name}</dd>
            <dt>Født</dt>
            <dd>{who.birthYear ?? 'ukendt (intet CPR-nummer)'}</dd>
            <dt>Åbne sager</dt>
            <dd>{who.openCases}</dd>
          </dl>
          <Field label="Skriv borgerens navn for at bekræfte" hint={`Som det står ovenfor: ${who.name}`}>
            {(a) => <input {...a} value={typed} autoComplete="off" spellcheck={false} onInput={(e) => setTyped(e.currentTarget.value)} />}
          </Field>
          <button type="button" class="danger" onClick={erase} disabled={busy || !sameName(typed, who.name)}>
            Slet borgeren
          </button>
        </>
      )}
    </details>
  );
}
