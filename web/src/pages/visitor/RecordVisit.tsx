import { useState } from 'preact/hooks';
import { request } from '../../api';
import { CommandError, useCommand } from '../../command';
import { DateTime, fromLocalInput, longDateTime, now, toLocalInput, ZONE } from '../../format';
import { navigate } from '../../router';
import type { Session } from '../../session';
import { Checkboxes, Field, Link, LoadState, Notice, useLoad } from '../../ui';
import { CaseView, citizenName } from '../case/case-view';
import { nextSlotAfter, slotInDanish } from '../../../../domain/shared/visit-slot';
import { sameTimeLater } from './next-visit';
import { VisitorExtras } from './VisitorExtras';
import { CaseOffers } from '../matching/CaseOffers';
import { WishesCard } from '../matching/Wishes';
import { AgreementCard } from '../course/AgreementCard';
import { GoingAlongCard } from '../course/GoingAlong';
import { NetworkCard } from '../course/NetworkCard';
import { AppointmentsCard } from '../course/Appointments';
import { Reassess } from '../case/Reassess';

/** The visit as agreed: the agreed time if it is today or past, else now. */
function visitedDefault(c: CaseView): string {
  const agreed = c.nextVisitAt ? DateTime.fromISO(c.nextVisitAt, { zone: ZONE }) : undefined;
  return toLocalInput(agreed && agreed <= now().endOf('day') && agreed >= now().minus({ days: 3 }) ? agreed : now().set({ second: 0, millisecond: 0 }));
}

/** Registrér besøg in a few taps: when, the next time (the agreed weekday and time next week unless changed), themes followed up, a note. */
export function RecordVisit({ caseId, session }: { caseId: string; session: Session }) {
  const loaded = useLoad(() => request<CaseView>(`/cases/${caseId}`), [caseId]);
  const [saved, setSaved] = useState<string>();
  return (
    <LoadState loaded={loaded}>
      {() => <VisitForm key={loaded.data!.etag} c={loaded.data!.data} etag={loaded.data!.etag} session={session} reload={loaded.reload} saved={saved} setSaved={setSaved} />}
    </LoadState>
  );
}

type FormProps = { c: CaseView; etag?: string | undefined; session: Session; reload: () => void; saved: string | undefined; setSaved: (what: string | undefined) => void };

function VisitForm({ c, etag, session, reload, saved, setSaved }: FormProps) {
  const [visitedAt, setVisitedAt] = useState(visitedDefault(c));
  // With a fixed time agreed, the next visit is the next slot (issue #17); else the agreed time a week or two on.
  const [weeks, setWeeks] = useState<'slot' | '1' | '2' | 'other' | 'none'>(c.visitSlot ? 'slot' : '1');
  const [nextOther, setNextOther] = useState('');
  const [followed, setFollowed] = useState<string[]>(c.lastThemes ?? []);
  const [newThemes, setNewThemes] = useState('');
  const [note, setNote] = useState('');
  // Relatives who took part (issue #19), e.g. Frida's mother at the first meeting.
  const [participants, setParticipants] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ visitedAt?: string; next?: string }>({});
  const command = useCommand(() => navigate('/app/mine-borgere?gemt=besoeg'));

  const visited = fromLocalInput(visitedAt);
  const next =
    weeks === 'none'
      ? undefined
      : weeks === 'other'
        ? fromLocalInput(nextOther)
        : weeks === 'slot'
          ? visited && c.visitSlot && nextSlotAfter(c.visitSlot, visited)
          : visited && sameTimeLater(c.nextVisitAt, visited, Number(weeks));
  const choices = [
    ...(c.visitSlot ? [['slot', `Den faste tid (${slotInDanish(c.visitSlot)})`] as const] : [['1', 'Samme tid om en uge'] as const, ['2', 'Samme tid om to uger'] as const]),
    ['other', 'Andet tidspunkt'] as const,
    ['none', 'Intet nyt besøg aftalt'] as const,
  ];

  const submit = (event: Event) => {
    event.preventDefault();
    const found = {
      ...(!visited && { visitedAt: 'Skriv hvornår besøget var.' }),
      ...(visited && DateTime.fromISO(visited) > now().plus({ hours: 24 }) && { visitedAt: 'Et besøg kan ikke registreres før det har fundet sted.' }),
      ...(weeks === 'other' && !next && { next: 'Skriv dato og tid for næste besøg.' }),
      ...(visited && next && next <= visited && { next: 'Næste besøg skal ligge efter dette besøg.' }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const themes = [...followed, ...newThemes.split(',').map((t) => t.trim()).filter(Boolean)].map((t) => t.slice(0, 50));
    void command.send(`/cases/${c.caseId}/visits`, { visitorId: session.visitorId, visitedAt: visited, ...(next && { nextVisitAt: next }), themes, ...(note.trim() && { note: note.trim() }), ...(participants.length > 0 && { participants }) }, etag);
  };

  return (
    <section>
      <p>
        <Link href="/app/mine-borgere">← Mine borgere</Link>
      </p>
      <h1>Besøg hos {citizenName(c)}</h1>
      {saved && <Notice kind="success">{saved}</Notice>}
      {c.status !== 'Active' ? (
        <Notice kind="info">Sagen er ikke aktiv.</Notice>
      ) : c.pause ? (
        <Notice kind="info">Besøgene holder pause{c.pause.until ? ` til ${DateTime.fromISO(c.pause.until).toFormat('dd.MM.yyyy')}` : ''}. Koordinatoren genoptager dem.</Notice>
      ) : (
        <form class="card form" onSubmit={submit} noValidate>
          <h2>Registrér besøg</h2>
          <CommandError error={command.error} onRefresh={reload} />
          <Field label="Besøget var" error={errors.visitedAt} required>
            {(a) => <input {...a} type="datetime-local" value={visitedAt} onInput={(e) => setVisitedAt(e.currentTarget.value)} />}
          </Field>
          <fieldset class="radios">
            <legend>Næste besøg (skrives på besøgskortet)</legend>
            {choices.map(([value, text]) => (
              <label key={value} class="check">
                <input type="radio" name="next" checked={weeks === value} onChange={() => setWeeks(value)} />
                {text}
              </label>
            ))}
            {weeks === 'other' && (
              <Field label="Næste besøg" error={errors.next} required>
                {(a) => <input {...a} type="datetime-local" value={nextOther} onInput={(e) => setNextOther(e.currentTarget.value)} />}
              </Field>
            )}
            {weeks !== 'other' && errors.next && <span class="field-error">{errors.next}</span>}
            {next && weeks !== 'other' && <p class="muted">{longDateTime(next)}</p>}
          </fieldset>
          {(c.lastThemes ?? []).length > 0 && (
            <fieldset class="checkboxes">
              <legend>Fulgt op på fra sidst</legend>
              {(c.lastThemes ?? []).map((theme) => (
                <label key={theme} class="check">
                  <input type="checkbox" checked={followed.includes(theme)} onChange={(e) => setFollowed(e.currentTarget.checked ? [...followed, theme] : followed.filter((t) => t !== theme))} />
                  {theme}
                </label>
              ))}
            </fieldset>
          )}
          <Field label="Temaer at følge op på næste gang" hint="Adskil med komma, fx varmehjælp, gåtur">
            {(a) => <input {...a} value={newThemes} onInput={(e) => setNewThemes(e.currentTarget.value)} />}
          </Field>
          <Field label="Note">
            {(a) => <textarea {...a} rows={3} maxLength={10000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
          </Field>
          {(c.relatives ?? []).length > 0 && (
            <Checkboxes
              legend="Pårørende der var med"
              options={Object.fromEntries((c.relatives ?? []).map((r) => [r.relativeId, r.name]))}
              value={participants}
              onChange={setParticipants}
            />
          )}
          <div class="actions">
            <button type="submit" class="primary" disabled={command.busy}>
              Gem besøg
            </button>
          </div>
        </form>
      )}
      {c.status === 'Active' && <WishesCard caseId={c.caseId} wishes={c.wishes} etag={etag} editable done={() => (setSaved('Ønskerne er gemt.'), reload())} refresh={reload} />}
      {c.status === 'Active' && (
        <CaseOffers caseId={c.caseId} programme={c.programme} etag={etag} introductions={c.introductions ?? []} visitorId={session.visitorId} done={(what) => (setSaved(what), reload())} refresh={reload} />
      )}
      {c.status === 'Active' && (
        <div key={`course-${etag}`}>
          <GoingAlongCard c={c} etag={etag} done={(what) => (setSaved(what), reload())} refresh={reload} />
          <AgreementCard c={c} etag={etag} done={(what) => (setSaved(what), reload())} refresh={reload} />
          <NetworkCard c={c} etag={etag} done={(what) => (setSaved(what), reload())} refresh={reload} />
          {(c.programme === 'companion' || (c.appointments ?? []).length > 0) && <AppointmentsCard c={c} etag={etag} done={(what) => (setSaved(what), reload())} refresh={reload} />}
        </div>
      )}
      {c.status === 'Active' && <VisitorExtras c={c} etag={etag} session={session} done={(what) => (setSaved(what), reload())} refresh={reload} />}
      {/* Issue #19: in the fællesskabsguide programme the guide assesses, after the first meeting; handed back, the case is no longer hers. */}
      {c.status === 'Active' && c.programme === 'community_guide' && c.lastVisitAt && (
        <Reassess c={c} etag={etag} refresh={reload} done={(back) => (back ? navigate('/app/mine-borgere') : (setSaved('Din vurdering er gemt.'), reload()))} />
      )}
    </section>
  );
}
