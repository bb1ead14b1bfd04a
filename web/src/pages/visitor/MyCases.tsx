import { useState } from 'preact/hooks';
import { ApiError, get, post, query } from '../../api';
import { date, longDateTime } from '../../format';
import { label, NEED, PROGRAMME, TASK } from '../../labels';
import type { Session } from '../../session';
import { Link, LoadState, Notice, Phone, useLoad } from '../../ui';
import { slotInDanish, type VisitSlot } from '../../../../domain/shared/visit-slot';
import { CaseView, citizenName } from '../case/case-view';
import { overdueText } from '../case/overdue';
import { APPOINTMENT_WITH } from '../../course-labels';
import type { AppointmentWith } from '../../../../domain/shared/companion-codes';

interface Caseload {
  name: string;
  capacity: number;
  activeCases: number;
  freePlaces: number;
  overdue: number;
  /** The companion's appointments still scheduled (issue #19). */
  appointments?: number;
  cases: Array<{
    caseId: string;
    programme: string;
    nextVisitAt?: string;
    lastVisitAt?: string;
    lastThemes: string[];
    openTasks: Array<{ taskId: string; kind: string; description?: string }>;
    riskFlags: string[];
    situation?: { physical?: string; psychological?: string; social?: string };
    requestedTasks?: string[];
    overdue: boolean;
    daysOverdue?: number;
    visitSlot?: VisitSlot;
    pause?: { reason: string; at: string; until?: string };
    appointments?: Array<{ appointmentId: string; with: AppointmentWith; at: string; purpose: string }>;
  }>;
}

type Card = Caseload['cases'][number];

/** The tasks the referral asked for that the visitor has not opened yet. */
const toOpen = (c: Card): string[] => (c.requestedTasks ?? []).filter((kind) => !c.openTasks.some((t) => t.kind === kind));

/**
 * The tasks the referral asked for, each with "Opret opgave" to start on it:
 * opened with the task's own words as its description (the visitor adds
 * details on the visit page).
 */
function RequestedTasks({ card, opened }: { card: Card; opened: (position: number) => void }) {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const kinds = toOpen(card);
  if (kinds.length === 0) return null;
  const open = async (kind: string) => {
    setBusy(kind);
    setError(undefined);
    try {
      const words = label(TASK as Record<string, string>, kind);
      const { data } = await post(`/cases/${card.caseId}/tasks`, { kind, description: `${words} (ønsket i henvisningen)` });
      opened(data.position);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div class="requested-tasks">
      <p>Ønskede opgaver fra henvisningen:</p>
      <ul class="plain">
        {kinds.map((kind) => (
          <li key={kind}>
            {label(TASK as Record<string, string>, kind)}{' '}
            <button type="button" disabled={busy !== undefined} onClick={() => void open(kind)} aria-label={`Opret opgave: ${label(TASK as Record<string, string>, kind)}`}>
              Opret opgave
            </button>
          </li>
        ))}
      </ul>
      {error && <Notice kind="error">{error}</Notice>}
    </div>
  );
}

/** What the referrer wrote about the citizen, to read before the visit. */
function Situation({ situation }: { situation: Card['situation'] }) {
  const lines = (
    [
      ['Fysisk', situation?.physical],
      ['Psykisk', situation?.psychological],
      ['Socialt', situation?.social],
    ] as const
  ).filter(([, text]) => text);
  if (lines.length === 0) return null;
  return (
    <dl class="facts">
      {lines.map(([name, text]) => (
        <>
          <dt>{name}</dt>
          <dd>{text}</dd>
        </>
      ))}
    </dl>
  );
}

/** Mine borgere: each case's visit card (the next agreed visit first), what to follow up, and one tap to record the visit. */
export function MyCases({ session }: { session: Session }) {
  // After a task is opened here, the visit card is read at least as far as that command.
  const [position, setPosition] = useState<number>();
  const loaded = useLoad(async () => {
    const caseload = await get<Caseload>(`/visitors/${session.visitorId}/caseload${query({ minPosition: position })}`);
    // The caseload holds no names; the visitor may read their own cases, decrypted.
    const cases = await Promise.all(caseload.cases.map((c) => get<CaseView>(`/cases/${c.caseId}`)));
    const byId = new Map(cases.map((c) => [c.caseId, c]));
    // Issue 22: a UCLA-3 due or overdue on the case ("måling mangler").
    const due = await get<Array<{ caseId: string; overdue: boolean }>>(`/assessments/due${query({ minPosition: position })}`);
    const measure = new Set(due.map((d) => d.caseId));
    const sorted = [...caseload.cases].sort((a, b) => (a.nextVisitAt ?? '9').localeCompare(b.nextVisitAt ?? '9'));
    return { caseload, cases: sorted.map((c) => ({ ...c, view: byId.get(c.caseId), measure: measure.has(c.caseId) })) };
  }, [session.visitorId, position]);
  const saved = new URLSearchParams(location.search).get('gemt');

  return (
    <section>
      <h1>Mine borgere</h1>
      {saved && <Notice kind="success">{saved === 'besoeg' ? 'Besøget er registreret.' : 'Gemt.'}</Notice>}
      <LoadState loaded={loaded}>
        {() => {
          const { caseload, cases } = loaded.data!;
          return (
            <>
              <p class="muted">
                {caseload.activeCases} af {caseload.capacity} pladser i brug
                {caseload.overdue > 0 && `, ${caseload.overdue} ${caseload.overdue === 1 ? 'besøg' : 'besøg'} overskredet`}
                {(caseload.appointments ?? 0) > 0 && `, ${caseload.appointments} ${caseload.appointments === 1 ? 'møde' : 'møder'} med ledsagelse planlagt`}.
              </p>
              {cases.length === 0 && <p class="empty">Du har ingen borgere endnu. Koordinatoren booker dit første besøg.</p>}
              <ul class="cards">
                {cases.map((c) => (
                  <li key={c.caseId} class={`card visit-card${c.overdue ? ' overdue' : ''}`}>
                    <h2>{c.view ? citizenName(c.view) : 'Borger'}</h2>
                    {c.view && typeof c.view.citizen === 'object' && (
                      <p class="muted">
                        {c.view.citizen.address}
                        {c.view.citizen.phone && (
                          <>
                            , tlf. <Phone number={c.view.citizen.phone} />
                          </>
                        )}
                      </p>
                    )}
                    <p class="next">
                      Næste besøg: <strong>{c.nextVisitAt ? longDateTime(c.nextVisitAt) : c.pause ? 'ingen, besøgene holder pause' : 'ikke aftalt'}</strong>
                      {c.overdue && <span class="badge badge-risk">{c.daysOverdue !== undefined ? overdueText(c.daysOverdue) : 'over tid'}</span>}
                      {c.pause && <span class="badge badge-paused">På pause{c.pause.until ? ` til ${date(c.pause.until)}` : ''}</span>}
                    </p>
                    {c.measure && (
                      <p>
                        <span class="badge badge-late">måling mangler</span> Tag en ensomhedsmåling (UCLA-3) ved næste besøg.
                      </p>
                    )}
                    {c.visitSlot && <p class="muted">Fast tid: {slotInDanish(c.visitSlot)}</p>}
                    {(c.appointments ?? []).length > 0 && (
                      <div class="card-appointments">
                        <p>Møder med ledsagelse:</p>
                        <ul class="plain">
                          {c.appointments!.map((a) => (
                            <li key={a.appointmentId}>
                              <strong>{longDateTime(a.at)}</strong>: {label(APPOINTMENT_WITH, a.with)}, {a.purpose}
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                    {c.view?.agreement && (
                      <div class="card-goals">
                        <p>Aftalte mål:</p>
                        <ul>
                          {c.view.agreement.goals.map((goal) => (
                            <li key={goal}>{goal}</li>
                          ))}
                        </ul>
                      </div>
                    )}
                    <p class="muted">{label(PROGRAMME as Record<string, string>, c.programme)}</p>
                    <Situation situation={c.situation} />
                    {c.lastThemes.length > 0 && <p>Følg op på: {c.lastThemes.join(', ')}</p>}
                    <RequestedTasks card={c} opened={setPosition} />
                    {c.openTasks.length > 0 && <p>Opgaver: {c.openTasks.map((t) => label(TASK as Record<string, string>, t.kind)).join(', ')}</p>}
                    {c.riskFlags.map((r) => (
                      <span key={r} class="badge badge-risk">
                        {label(NEED as Record<string, string>, r)}
                      </span>
                    ))}
                    <div class="actions">
                      <Link href={`/app/besoeg/${c.caseId}`} class="button primary">
                        Registrér besøg
                      </Link>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
