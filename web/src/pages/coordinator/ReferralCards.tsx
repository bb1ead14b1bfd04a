import { useState } from 'preact/hooks';
import type { Programme, ReferrerRole } from '../../../../domain/shared/codes';
import { ApiError, get, post } from '../../api';
import { dateTime } from '../../format';
import { label, PROGRAMME, REFERRER_ROLE } from '../../labels';
import { Field, Link, LoadState, Notice, Phone, SelectField, useLoad } from '../../ui';

/** A card in the inbox, as GET /referral-cards answers it (opened). */
export interface Card {
  cardId: string;
  receipt: string;
  status: 'new' | 'accepted' | 'rejected';
  channel: 'self' | 'relative' | 'partner';
  programme?: Programme;
  partnerId?: string;
  citizen: { name: string; phone: string; address?: string; postcode?: string };
  sender?: { name: string; phone?: string; organisation?: string };
  message: string;
  submittedAt: string;
}

const CHANNEL_SHORT: Record<Card['channel'], string> = { self: 'Borgeren selv', relative: 'Pårørende', partner: 'Samarbejdspartner' };

/** Henvisningskort: the cards from /henvis waiting for a coordinator, oldest first; each taken in as a case or rejected. */
export function ReferralCards() {
  const loaded = useLoad(() => get<Card[]>('/referral-cards?status=new'), []);
  const [done, setDone] = useState<{ text: string; caseId?: string }>();
  return (
    <section>
      <div class="page-head">
        <h1>Henvisningskort</h1>
      </div>
      <p class="muted">Henvisninger sendt fra {location.origin}/henvis af borgere, pårørende og samarbejdspartnere. Ring op, og tag kortet ind som en sag, eller afvis det.</p>
      {done && (
        <Notice kind="success">
          {done.text} {done.caseId && <Link href={`/app/sager/${done.caseId}`}>Åbn sagen</Link>}
        </Notice>
      )}
      <LoadState loaded={loaded}>
        {() =>
          loaded.data!.length === 0 ? (
            <p class="empty">Ingen nye henvisningskort.</p>
          ) : (
            <ul class="cards">
              {loaded.data!.map((card) => (
                <li key={card.cardId}>
                  <CardItem card={card} onDone={(text, caseId) => (setDone({ text, ...(caseId && { caseId }) }), loaded.reload())} />
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}

function CardItem({ card, onDone }: { card: Card; onDone: (text: string, caseId?: string) => void }) {
  const [open, setOpen] = useState<'accept' | 'reject'>();
  const { citizen, sender } = card;
  return (
    <article class="card" aria-labelledby={`card-${card.cardId}`}>
      <h2 id={`card-${card.cardId}`}>{citizen.name}</h2>
      <dl class="facts">
        <dt>Modtaget</dt>
        <dd>{dateTime(card.submittedAt)}</dd>
        <dt>Kvittering</dt>
        <dd>{card.receipt}</dd>
        <dt>Fra</dt>
        <dd>{CHANNEL_SHORT[card.channel]}</dd>
        <dt>Telefon</dt>
        <dd>
          <Phone number={citizen.phone} />
        </dd>
        <dt>Adresse</dt>
        <dd>{[citizen.address, citizen.postcode].filter(Boolean).join(', ') || '–'}</dd>
        {sender && (
          <>
            <dt>Henvist af</dt>
            <dd>
              {sender.name}
              {sender.organisation && <span class="muted">, {sender.organisation}</span>} {sender.phone && <Phone number={sender.phone} />}
            </dd>
          </>
        )}
        <dt>Ønsker</dt>
        <dd>{card.programme ? label(PROGRAMME, card.programme) : 'Ved ikke'}</dd>
        <dt>Besked</dt>
        <dd>{card.message}</dd>
      </dl>
      <div class="actions">
        <button type="button" aria-expanded={open === 'accept'} onClick={() => setOpen(open === 'accept' ? undefined : 'accept')}>
          Tag ind som sag
        </button>
        <button type="button" aria-expanded={open === 'reject'} onClick={() => setOpen(open === 'reject' ? undefined : 'reject')}>
          Afvis
        </button>
      </div>
      {open === 'accept' && <Accept card={card} onDone={onDone} />}
      {open === 'reject' && <Reject card={card} onDone={onDone} />}
    </article>
  );
}

function Accept({ card, onDone }: { card: Card; onDone: (text: string, caseId?: string) => void }) {
  const [programme, setProgramme] = useState<Programme | ''>(card.programme ?? '');
  const [address, setAddress] = useState('');
  const [cpr, setCpr] = useState('');
  const [role, setRole] = useState<ReferrerRole | ''>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!programme) found.programme = 'Vælg en ordning.';
    if (!card.citizen.address && !address.trim()) found.address = 'Kortet har ingen adresse: skriv borgerens adresse.';
    if (cpr.trim() && !/^\d{6}-\d{4}$/.test(cpr.trim())) found.cpr = 'CPR-nummeret skrives DDMMÅÅ-XXXX.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const body = { programme, ...(address.trim() && { address: address.trim() }), ...(cpr.trim() && { cpr: cpr.trim() }), ...(role && { referrerRole: role }) };
      const { data } = await post<{ caseId: string; knownCitizen: boolean }>(`/referral-cards/${card.cardId}/accept`, body);
      onDone(`${card.citizen.name} er taget ind og ligger i ventemappen${data.knownCitizen ? ' (kendt borger)' : ''}.`, data.caseId);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
      setErrors(Object.fromEntries(error.errors.map((f) => [f.field, f.message])));
      setFailure(error.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form secondary-action" onSubmit={submit} noValidate>
      {failure && <Notice kind="error">{failure}</Notice>}
      <SelectField<Programme> label="Ordning" value={programme} onChange={setProgramme} options={PROGRAMME} empty="Vælg ordning" error={errors.programme} />
      <Field label={card.citizen.address ? 'Anden adresse end kortets' : 'Borgerens adresse'} error={errors.address} required={!card.citizen.address}>
        {(a) => <input {...a} value={address} onInput={(e) => setAddress(e.currentTarget.value)} />}
      </Field>
      <Field label="CPR-nummer" hint="Hvis borgeren har oplyst det: en kendt borger findes så" error={errors.cpr}>
        {(a) => <input {...a} value={cpr} onInput={(e) => setCpr(e.currentTarget.value)} />}
      </Field>
      {card.channel === 'partner' && <SelectField<ReferrerRole> label="Henviserens rolle" value={role} onChange={setRole} options={REFERRER_ROLE} empty="Anden" />}
      <button type="submit" class="primary" disabled={busy}>
        Opret sagen
      </button>
    </form>
  );
}

function Reject({ card, onDone }: { card: Card; onDone: (text: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) return setError('Skriv, hvorfor kortet afvises.');
    setBusy(true);
    try {
      await post(`/referral-cards/${card.cardId}/reject`, { reason: reason.trim() });
      onDone(`Henvisningskortet ${card.receipt} er afvist.`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form secondary-action" onSubmit={submit} noValidate>
      <Field label="Begrundelse for afvisningen" hint="Oplysningerne på kortet slettes efter 30 dage" error={error} required>
        {(a) => <textarea {...a} rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        Afvis kortet
      </button>
    </form>
  );
}

