import { useState } from 'preact/hooks';
import { MEETING_KIND_DA, PARTNER_KIND_DA } from '../../../../domain/partner/partner.codes';
import { ApiError, get, post } from '../../api';
import { date, dateTime } from '../../format';
import { label } from '../../labels';
import { Link, LoadState, Notice, Phone, useLoad } from '../../ui';
import type { PartnerRow } from '../manager/Partners';
import { RecordMeeting } from './RecordMeeting';
import { PartnerUpkeep } from './PartnerUpkeep';

interface Person {
  name: string;
  phone?: string;
  email?: string;
}

interface PartnerPageData extends PartnerRow {
  partnerId: string;
  name: string;
  address: string | null;
  postcode: string | null;
  leader: Person;
  contacts: Array<Person & { contactId: string; role: string }>;
  meetings: Array<{ meetingId: string; at: string; kind: string; attendees: number; materials: string[]; note?: string; nextContactAt?: string }>;
  assessment: { knowsUs: string; attitude: string; whatTheyGain?: string; contactPerson?: string } | null;
  referralsByMonth: Array<{ month: string; referrals: number }>;
}

const MATERIAL_DA: Record<string, string> = { henvisningskort: 'henvisningskort', folder: 'foldere', plakat: 'plakat' };
const KNOWS_DA: Record<string, string> = { no: 'Kender os ikke', heard: 'Har hørt om os', yes: 'Kender os' };
const ATTITUDE_DA: Record<string, string> = { positive: 'positive', neutral: 'neutrale', sceptical: 'skeptiske' };

/** One partner (issue 21): its people, its meetings as a timeline, the next contact, and the form to record a meeting. */
export function PartnerPage({ partnerId }: { partnerId: string }) {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const loaded = useLoad(() => get<PartnerPageData>(`/partners/${partnerId}`), [partnerId, version]);
  const reload = () => setVersion((v) => v + 1);
  const remove = async (contactId: string, name: string) => {
    try {
      await post(`/partners/${partnerId}/contacts/${contactId}/remove`, {});
      setMessage({ kind: 'success', text: `${name} er fjernet som kontaktperson.` });
      reload();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
    }
  };
  return (
    <LoadState loaded={loaded}>
      {() => {
        const p = loaded.data!;
        return (
          <section>
            <h1>{p.name}</h1>
            <p class="muted">
              {label(PARTNER_KIND_DA as Record<string, string>, p.kind ?? undefined)}
              {p.address ? ` · ${p.address}` : ''}
              {p.postcode ? ` · ${p.postcode}` : ''}
              {p.retired ? ' · Udgået' : ''}
            </p>
            {message && <Notice kind={message.kind}>{message.text}</Notice>}
            <div class="card">
              <h2>Næste kontakt</h2>
              {p.contactDue && <p><span class="badge badge-risk">Kontakt snart</span></p>}
              <p>{p.nextContactAt ? `Aftalt: ${dateTime(p.nextContactAt)}` : 'Ingen aftalt.'}</p>
              <p>
                Henvisninger i alt: {p.totalReferrals}
                {p.lastReferralAt ? `, seneste ${date(p.lastReferralAt)}` : ', ingen endnu'}.
              </p>
              {/* Issue 21: cards sent from /henvis with the partner's code, and its printable card. */}
              <p>
                Henvisningskort med deres kode: {p.cards ?? 0}. <Link href={`/app/samarbejdspartnere/${partnerId}/kort`}>Henvisningskort til udskrift</Link>
              </p>
              {p.assessment && (
                <p>
                  {KNOWS_DA[p.assessment.knowsUs] ?? p.assessment.knowsUs}; de er {ATTITUDE_DA[p.assessment.attitude] ?? p.assessment.attitude}.
                  {p.assessment.contactPerson ? ` Tal med: ${p.assessment.contactPerson}.` : ''}
                </p>
              )}
            </div>
            <div class="card">
              <h2>Kontaktpersoner</h2>
              <ul>
                <li>
                  Leder: {p.leader.name}
                  {p.leader.phone && (
                    <>
                      {' · '}
                      <Phone number={p.leader.phone} />
                    </>
                  )}
                  {p.leader.email ? ` · ${p.leader.email}` : ''}
                </li>
                {p.contacts.map((c) => (
                  <li key={c.contactId}>
                    {c.name} ({c.role})
                    {c.phone && (
                      <>
                        {' · '}
                        <Phone number={c.phone} />
                      </>
                    )}
                    {c.email ? ` · ${c.email}` : ''}{' '}
                    <button type="button" class="link" aria-label={`Fjern ${c.name} som kontaktperson`} onClick={() => remove(c.contactId, c.name)}>
                      Fjern
                    </button>
                  </li>
                ))}
              </ul>
            </div>
            <div class="card">
              <h2>Møder</h2>
              {p.meetings.length === 0 ? (
                <p>Ingen møder endnu. Den første kontakt går altid via ledelsen.</p>
              ) : (
                <ol class="timeline">
                  {p.meetings.map((m) => (
                    <li key={m.meetingId}>
                      <span class="when">{dateTime(m.at)}</span>
                      <div class="what">
                        <strong>
                          {label(MEETING_KIND_DA as Record<string, string>, m.kind)}, {m.attendees} {m.attendees === 1 ? 'deltager' : 'deltagere'}
                        </strong>
                        {m.materials.length > 0 && <p>Udleveret: {m.materials.map((x) => MATERIAL_DA[x] ?? x).join(', ')}</p>}
                        {m.nextContactAt && <p>Næste kontakt: {date(m.nextContactAt)}</p>}
                        {m.note && <p>{m.note}</p>}
                      </div>
                    </li>
                  ))}
                </ol>
              )}
            </div>
            {!p.retired && <RecordMeeting partnerId={partnerId} onDone={(text) => (setMessage({ kind: 'success', text }), reload())} />}
            {!p.retired && <PartnerUpkeep partnerId={partnerId} partner={p} onDone={(text) => (setMessage({ kind: 'success', text }), reload())} />}
          </section>
        );
      }}
    </LoadState>
  );
}
