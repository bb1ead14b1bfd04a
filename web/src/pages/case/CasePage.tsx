import { useState } from 'preact/hooks';
import { get, request } from '../../api';
import { HistoryEntry, Timeline } from '../../components/Timeline';
import { date, dateTime, longDateTime } from '../../format';
import { CLOSURE, DECLINE, label, NEED, PRIORITY, PROGRAMME, REFERRER_ROLE, RELATION, STATUS, TASK, TRACK, VISITOR_KIND } from '../../labels';
import { Link, LoadState, Notice, Phone, useLoad } from '../../ui';
import { HelperWord } from '../../../../domain/shared/helper-words';
import { ActiveActions } from './ActiveActions';
import { BookFirstVisit } from './BookFirstVisit';
import { CaseView, citizenName } from './case-view';
import { CorrectReferral } from './CorrectReferral';
import { FollowUps } from './FollowUps';
import { Reassess } from './Reassess';
import { ReferOnward } from './ReferOnward';
import { Triage } from './Triage';
import { daysOverdue, overdueText } from './overdue';
import { VisitPlanActions } from './VisitPlanActions';
import { VisitSchedule } from './VisitSchedule';
import { slotInDanish } from '../../../../domain/shared/visit-slot';
import { WithdrawConsent } from './WithdrawConsent';
import { WishesCard } from '../matching/Wishes';
import { CaseOffers } from '../matching/CaseOffers';
import { AgreementCard } from '../course/AgreementCard';
import { GoingAlongCard } from '../course/GoingAlong';
import { NetworkCard } from '../course/NetworkCard';
import { AppointmentsCard } from '../course/Appointments';

/** A citizen's case for the coordinator: who, what the referral said, what to do next, and the full timeline. */
export function CasePage({ caseId }: { caseId: string }) {
  const [saved, setSaved] = useState<string | undefined>(() => {
    const params = new URLSearchParams(location.search);
    if (!params.has('modtaget')) return undefined;
    return params.has('kendt') ? 'Henvisningen er modtaget. Borgeren var kendt i forvejen, og sagen er knyttet til borgerens tidligere sager.' : 'Henvisningen er modtaget.';
  });
  const loaded = useLoad(async () => {
    const [{ data, etag }, history] = await Promise.all([request<CaseView>(`/cases/${caseId}`), get<HistoryEntry[]>(`/cases/${caseId}/history`)]);
    return { c: data, etag, history };
  }, [caseId]);
  const done = (what: string) => () => {
    setSaved(what);
    loaded.reload();
  };

  return (
    <LoadState loaded={loaded}>
      {() => {
        const { c, etag, history } = loaded.data!;
        const citizen = typeof c.citizen === 'object' ? c.citizen : undefined;
        // What the referrer told (situation, who referred), as corrected since.
        const situation = c.situation ?? {};
        const actions = { c, etag, refresh: () => (setSaved(undefined), loaded.reload()) };
        const late = daysOverdue(c);
        return (
          <section class="case">
            <p>
              <Link href="/app/ventemappe">← Ventemappe</Link>
            </p>
            <div class="page-head">
              <h1>{citizenName(c)}</h1>
              <span>
                <span class={`badge status-${c.status}`}>{c.declined ? 'Afvist' : label(STATUS, c.status)}</span>
                {c.pause && <span class="badge badge-paused">På pause</span>}
                {(c.relatives ?? []).some((r) => r.involvement.includes('needs_relief')) && <span class="badge badge-relief">Pårørende har brug for aflastning</span>}
              </span>
            </div>
            {saved && <Notice kind="success">{saved}</Notice>}
            <div class="columns">
              <div>
                <div class="card">
                  <h2>Borger og henvisning</h2>
                  <dl class="facts">
                    {citizen && (
                      <>
                        <dt>Adresse</dt>
                        <dd>{citizen.address}</dd>
                        <dt>Telefon</dt>
                        <dd>{citizen.phone ? <Phone number={citizen.phone} /> : '–'}</dd>
                      </>
                    )}
                    {c.citizenId && (
                      <>
                        <dt>Borger-id</dt>
                        <dd>
                          <code>{c.citizenId}</code>
                        </dd>
                      </>
                    )}
                    <dt>Ordning</dt>
                    <dd>{label(PROGRAMME, c.programme)}</dd>
                    <dt>Henvist</dt>
                    <dd>
                      {date(c.referredAt)} af {label(REFERRER_ROLE, c.referrerRole).toLowerCase()}
                      {c.referrerOrganisation && `, ${c.referrerOrganisation}`}
                      {c.referrerName && (
                        <>
                          <br />
                          {c.referrerName}
                          {c.referrerPhone && (
                            <>
                              , tlf. <Phone number={c.referrerPhone} />
                            </>
                          )}
                        </>
                      )}
                      {c.screeningId && (
                        <>
                          <br />
                          Fra en opsporing af ensomhed
                        </>
                      )}
                    </dd>
                    {(
                      [
                        ['Fysisk', situation.physical],
                        ['Psykisk', situation.psychological],
                        ['Socialt', situation.social],
                      ] as const
                    )
                      .filter(([, text]) => text)
                      .map(([name, text]) => (
                        <>
                          <dt>{name}</dt>
                          <dd>{text}</dd>
                        </>
                      ))}
                    {c.track && (
                      <>
                        <dt>Spor</dt>
                        <dd>
                          {label(TRACK, c.track)}
                          {c.priority && `, prioritet ${label(PRIORITY, c.priority).toLowerCase()}`}
                        </dd>
                      </>
                    )}
                    <dt>Behov</dt>
                    <dd>
                      {c.needs.length === 0 ? '–' : c.needs.map((n) => <span key={n} class={`badge${n === 'suicidal_thoughts' ? ' badge-risk' : ''}`}>{label(NEED, n)}</span>)}
                    </dd>
                    {c.riskFlags.length > 0 && (
                      <>
                        <dt>Risici</dt>
                        <dd>
                          {c.riskFlags.map((n) => (
                            <span key={n} class="badge badge-risk">
                              {label(NEED, n)}
                            </span>
                          ))}
                        </dd>
                      </>
                    )}
                    {c.requestedTasks.length > 0 && (
                      <>
                        <dt>Ønskede opgaver</dt>
                        <dd>{c.requestedTasks.map((t) => label(TASK, t)).join(', ')}</dd>
                      </>
                    )}
                  </dl>
                </div>
                {c.status === 'Active' && (
                  <div class="card visit-card">
                    <h2>Besøgskort</h2>
                    <p>
                      {HelperWord(c.programme)}: <strong>{c.visitorName}</strong> ({label(VISITOR_KIND, c.visitorKind).toLowerCase()}){c.visitorPhone && <>, tlf. <Phone number={c.visitorPhone} /></>}
                    </p>
                    <p>
                      Næste besøg: {c.nextVisitAt ? longDateTime(c.nextVisitAt) : c.pause ? 'ingen, besøgene holder pause' : 'ikke aftalt'}
                      {late !== undefined && (
                        <>
                          {' '}
                          <span class="badge badge-late">{overdueText(late)}</span>
                        </>
                      )}
                    </p>
                    {c.visitSlot && <p>Fast tid: {slotInDanish(c.visitSlot)}</p>}
                    <p class="muted">Første besøg {dateTime(c.firstVisitAt)}{c.lastVisitAt && `, seneste ${dateTime(c.lastVisitAt)}`}</p>
                  </div>
                )}
                {/* The course (issue #19): network, agreement, going along; keyed by the revision so the forms start empty after a save. */}
                <div key={`course-${c.revision}`}>
                  <NetworkCard {...actions} done={done('Netværket er opdateret.')} />
                  {(c.status === 'Active' || c.agreement) && <AgreementCard {...actions} done={done('Aftalen er gemt.')} />}
                  {(c.status === 'Active' || c.goingAlong) && <GoingAlongCard {...actions} done={done('Sagen er opdateret.')} />}
                  {/* The companion's appointments (seed 002): in the bisidder programme, or wherever one was recorded. */}
                  {((c.status === 'Active' && c.programme === 'companion') || (c.appointments ?? []).length > 0) && <AppointmentsCard {...actions} done={done('Sagen er opdateret.')} />}
                </div>
                {(c.tasks.length > 0 || c.relations.length > 0 || c.assessments.length > 0) && (
                  <div class="card">
                    <h2>Opgaver, målinger og relationer</h2>
                    <ul class="plain">
                      {c.tasks.map((t) => (
                        <li key={t.taskId}>
                          {label(TASK, t.kind)}: {t.status === 'open' ? 'i gang' : `løst (${t.outcome ?? ''})`}
                        </li>
                      ))}
                      {c.assessments.map((a) => (
                        <li key={a.at}>
                          UCLA-3 {date(a.at)}: {a.score} af 9
                        </li>
                      ))}
                      {c.relations.map((r) => (
                        <li key={r.at}>
                          Relation: {label(RELATION, r.kind)} ({date(r.at)})
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {c.status !== 'Closed' && (
                  <WishesCard key={`w${c.revision}`} caseId={c.caseId} wishes={c.wishes} etag={etag} editable done={done('Ønskerne er gemt.')} refresh={actions.refresh} />
                )}
                {c.status === 'Closed' && <Notice kind="info">Sagen blev {c.declined ? 'afvist' : 'afsluttet'} {date(c.closedAt)}: {c.declined ? label(DECLINE, c.reason) : label(CLOSURE, c.reason)}.</Notice>}
                {/* Keyed by the revision: after a save every form below starts empty again. */}
                <div key={c.revision}>
                  {c.status === 'Referred' && <Triage {...actions} done={done('Sagen er vurderet og ligger i ventemappen.')} />}
                  {c.status === 'Waiting' && !c.pause && <BookFirstVisit {...actions} done={done('Første besøg er booket.')} />}
                  {(c.status === 'Waiting' || c.status === 'Active') && <VisitSchedule {...actions} done={done('Besøgsplanen er opdateret.')} />}
                  {c.status === 'Active' && !c.pause && <VisitPlanActions {...actions} done={done('Sagen er opdateret.')} />}
                  {c.status === 'Active' && <ActiveActions {...actions} done={done('Sagen er opdateret.')} />}
                  {c.status !== 'Closed' && <CorrectReferral {...actions} done={done('Henvisningen er rettet.')} />}
                  {c.status !== 'Closed' && (
                    <CaseOffers caseId={c.caseId} programme={c.programme} etag={etag} introductions={c.introductions ?? []} visitorId={c.status === 'Active' ? c.visitorId : undefined} done={(what) => done(what)()} refresh={actions.refresh} />
                  )}
                  {/* After the end (issue #19). */}
                  {c.status !== 'Closed' && <ReferOnward {...actions} done={done('Borgeren er henvist videre.')} />}
                  {c.status === 'Closed' && <FollowUps {...actions} done={done('Opfølgningen er registreret.')} />}
                  {(c.status === 'Waiting' || c.status === 'Active') && (
                    <Reassess {...actions} done={(back) => done(back ? 'Sagen er vurderet på ny og ligger i ventemappen igen.' : 'Sagen er vurderet på ny.')()} />
                  )}
                  {c.status !== 'Closed' && c.citizenId && <WithdrawConsent citizenId={c.citizenId} refresh={actions.refresh} done={done('Samtykket er trukket tilbage, og borgerens åbne sager er afsluttet.')} />}
                </div>
              </div>
              <div>
                <h2>Tidslinje</h2>
                <Timeline entries={history} />
              </div>
            </div>
          </section>
        );
      }}
    </LoadState>
  );
}
