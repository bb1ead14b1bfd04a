import { useState } from 'preact/hooks';
import { HelperWord } from '../../../../domain/shared/helper-words';
import { get } from '../../api';
import { CommandError, useCommand } from '../../command';
import { date, fromLocalInput, nowForInput } from '../../format';
import { Introduction, OFFER_KIND, Outcome, OUTCOME, Suggestions } from '../../matching';
import { Field, LoadState, SelectField, useLoad } from '../../ui';
import { ReasonChips } from './ReasonChips';

type Props = {
  caseId: string;
  etag?: string | undefined;
  introductions: Introduction[];
  /** The case's visitor, who may go along. */
  visitorId?: string | undefined;
  /** The case's programme, which names the visitor (besøgsven, fællesskabsguide, ...). */
  programme: string;
  done: (what: string) => void;
  refresh: () => void;
};

/**
 * Offers for the citizen (seed 003: the guide "matcher med lokale tilbud og
 * tilbyder at følges med borgerne de første gange og følger op"): suggested
 * offers with their reasons, an introduction, and how it went.
 */
export function CaseOffers({ caseId, etag, introductions, visitorId, programme, done, refresh }: Props) {
  const loaded = useLoad(() => get<Suggestions>(`/cases/${caseId}/suggestions`), [caseId, introductions.length]);
  const [chosen, setChosen] = useState<string>();
  const [at, setAt] = useState(nowForInput());
  const [along, setAlong] = useState(true);
  const [error, setError] = useState<string>();
  const introduce = useCommand(() => done('Introduktionen er registreret.'));
  const submit = (event: Event) => {
    event.preventDefault();
    const when = fromLocalInput(at);
    setError(when ? undefined : 'Skriv hvornår borgeren var med første gang.');
    if (when && chosen) void introduce.send(`/cases/${caseId}/offers`, { offerId: chosen, at: when, ...(along && visitorId && { accompaniedBy: visitorId }) }, etag);
  };
  return (
    <div class="card offers-for-citizen">
      <h2>Tilbud til borgeren</h2>
      {introductions.length > 0 && (
        <ul class="plain">
          {introductions.map((i) => (
            <li key={`${i.offerId}-${i.at}`}>
              <strong>{i.offerName}</strong> ({OFFER_KIND[i.offerKind].toLowerCase()}), introduceret {date(i.at)}
              {i.outcome ? `: ${OUTCOME[i.outcome].toLowerCase()} (${date(i.outcomeAt!)})` : <OutcomeForm caseId={caseId} etag={etag} offerId={i.offerId} done={done} refresh={refresh} />}
            </li>
          ))}
        </ul>
      )}
      <h3>Forslag</h3>
      <LoadState loaded={loaded}>
        {() =>
          loaded.data!.offers.length === 0 ? (
            <p class="empty">Ingen aktive tilbud i borgerens område passer.</p>
          ) : (
            <ol class="suggestions">
              {loaded.data!.offers.slice(0, 5).map((o) => (
                <li key={o.offerId}>
                  <div>
                    <strong>{o.name}</strong> ({OFFER_KIND[o.kind].toLowerCase()}, {o.postcode}) <span class="score">{o.score} point</span>
                    <ReasonChips reasons={o.reasons} />
                  </div>
                  <button type="button" aria-pressed={chosen === o.offerId} onClick={() => setChosen(o.offerId)}>
                    {chosen === o.offerId ? 'Valgt' : `Introducér til ${o.name}`}
                  </button>
                </li>
              ))}
            </ol>
          )
        }
      </LoadState>
      {chosen && (
        <form class="form" onSubmit={submit} noValidate>
          <CommandError error={introduce.error} onRefresh={refresh} />
          <Field label="Første gang borgeren var med" error={error} required>
            {(a) => <input {...a} type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />}
          </Field>
          {visitorId && (
            <label class="check">
              <input type="checkbox" checked={along} onChange={(e) => setAlong(e.currentTarget.checked)} />
              {HelperWord(programme, 'definite')} fulgtes med
            </label>
          )}
          <div class="actions">
            <button type="submit" class="primary" disabled={introduce.busy}>
              Registrér introduktion
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function OutcomeForm({ caseId, etag, offerId, done, refresh }: { caseId: string; etag?: string | undefined; offerId: string; done: (what: string) => void; refresh: () => void }) {
  const [outcome, setOutcome] = useState<Outcome>('joined');
  const [at, setAt] = useState(nowForInput());
  const [relation, setRelation] = useState(true);
  const command = useCommand(() => done('Udfaldet er registreret.'));
  const submit = (event: Event) => {
    event.preventDefault();
    const when = fromLocalInput(at);
    if (when) void command.send(`/cases/${caseId}/offers/${offerId}/outcome`, { outcome, at: when, ...(outcome === 'joined' && relation && { relation: true }) }, etag);
  };
  return (
    <details>
      <summary>Hvordan gik det?</summary>
      <form class="form" onSubmit={submit} noValidate>
        <CommandError error={command.error} onRefresh={refresh} />
        <SelectField label="Udfald" value={outcome} onChange={setOutcome} options={OUTCOME as Record<Outcome, string>} />
        <Field label="Hvornår" required>
          {(a) => <input {...a} type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />}
        </Field>
        {outcome === 'joined' && (
          <label class="check">
            <input type="checkbox" checked={relation} onChange={(e) => setRelation(e.currentTarget.checked)} />
            Registrér også som ny relation (fællesskab)
          </label>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={command.busy}>
            Gem udfald
          </button>
        </div>
      </form>
    </details>
  );
}
