import { date } from '../../format';
import { PROGRAMME, label } from '../../labels';
import { Phone } from '../../ui';
import { VETTING_KIND, VETTING_RESULT, VOLUNTEER_STATUS, VolunteerView } from './volunteer-labels';

const hours = (n: number) => `${n.toLocaleString('da-DK')} t`;

/** The volunteer's standing as the page and the volunteer's own phone show it: no citizen's data, counts only. */
export function VolunteerSummary({ v }: { v: VolunteerView }) {
  return (
    <div class="card">
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          {VOLUNTEER_STATUS[v.status] ?? v.status}
          {v.pausedUntil && ` til ${date(v.pausedUntil)}`}
        </dd>
        {v.phone && (
          <>
            <dt>Telefon</dt>
            <dd>
              <Phone number={v.phone} />
            </dd>
          </>
        )}
        <dt>Ordninger</dt>
        <dd>{v.programmes ? v.programmes.map((p) => label(PROGRAMME, p)).join(', ') : 'Alle'}</dd>
        {v.provisos.length > 0 && (
          <>
            <dt>Forbehold</dt>
            <dd>{v.provisos.join('; ')}</dd>
          </>
        )}
        <dt>Borgere</dt>
        <dd>
          {v.activeCases} af {v.capacity} pladser
        </dd>
        <dt>Besøg denne måned</dt>
        <dd>
          {v.visits.thisMonth.visits} besøg, {hours(v.visits.thisMonth.hours)}
        </dd>
        <dt>Besøg i år</dt>
        <dd>
          {v.visits.thisYear.visits} besøg, {hours(v.visits.thisYear.hours)}
        </dd>
        <dt>Sparring</dt>
        <dd>
          {v.supervision.last ? `Senest ${date(v.supervision.last)}` : 'Ingen endnu'}
          {v.supervision.nextDue && `; næste senest ${date(v.supervision.nextDue)}`}
          {v.supervision.overdue && <strong class="badge badge-risk"> Over tid</strong>}
        </dd>
        <dt>Attester</dt>
        <dd>
          {v.vetting.length === 0 && 'Ingen'}
          {v.vetting.map((x) => (
            <div key={x.kind}>
              {label(VETTING_KIND, x.kind)}: {label(VETTING_RESULT, x.result)}, tjekket {date(x.checkedAt)}
              {x.expiresAt && `, udløber ${date(x.expiresAt)}`}
              {!x.valid && <strong class="badge badge-risk"> Ikke gyldig</strong>}
            </div>
          ))}
          {v.missingVetting.length > 0 && <div class="field-error">Mangler: {v.missingVetting.map((k) => label(VETTING_KIND, k)).join(', ')}</div>}
        </dd>
        <dt>Kurser</dt>
        <dd>
          {v.training.length === 0 && 'Ingen'}
          {v.training.map((x) => (
            <div key={x.course}>
              {x.course}, {date(x.at)}
              {x.expiresAt && ` (udløber ${date(x.expiresAt)})`}
              {!x.valid && <strong class="badge badge-risk"> Udløbet</strong>}
            </div>
          ))}
          {v.missingTraining.length > 0 && <div class="field-error">Mangler: {v.missingTraining.join(', ')}</div>}
        </dd>
      </dl>
    </div>
  );
}
