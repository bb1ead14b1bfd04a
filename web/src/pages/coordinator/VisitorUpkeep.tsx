import { useState } from 'preact/hooks';
import { ApiError, post } from '../../api';
import { focusHeading } from '../../focus';
import { Field, Notice } from '../../ui';
import type { VisitorRow } from '../case/case-view';

const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;
type Message = { kind: 'error' | 'success' | 'info'; text: string };

/**
 * Keeping one visitor current (issue 17): capacity, a pause and its end, a new
 * name or phone. Capacity may go below the cases the visitor has: they keep
 * them (the same person always comes) and are offered for no new one.
 */
export function VisitorUpkeep({ visitors, reload }: { visitors: VisitorRow[]; reload: () => void }) {
  const [visitorId, setVisitorId] = useState('');
  const [message, setMessage] = useState<Message>();
  const visitor = visitors.find((v) => v.visitorId === visitorId);
  const saved = (text: string, kind: Message['kind'] = 'success') => {
    setMessage({ kind, text });
    reload();
    focusHeading();
  };

  return (
    <div class="card form upkeep">
      <h2>Ret en frivillig eller ansat</h2>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <Field label="Hvem" hint="Kapacitet, pause, navn og telefon">
        {(a) => (
          <select {...a} value={visitorId} onChange={(e) => (setVisitorId(e.currentTarget.value), setMessage(undefined))}>
            <option value="">Vælg frivillig eller ansat</option>
            {visitors.map((v) => (
              <option key={v.visitorId} value={v.visitorId}>
                {v.name}
                {v.active ? '' : ' (på pause)'}
              </option>
            ))}
          </select>
        )}
      </Field>
      {/* Keyed by the visitor and what the list says of them: after a save, the forms start from the new values. */}
      {visitor && (
        <div key={`${visitor.visitorId}:${visitor.capacity}:${visitor.active}:${visitor.name}:${visitor.phone ?? ''}`}>
          <Capacity visitor={visitor} saved={saved} failed={setMessage} />
          {visitor.active ? <Deactivate visitor={visitor} saved={saved} failed={setMessage} /> : <Reactivate visitor={visitor} saved={saved} failed={setMessage} />}
          <Details visitor={visitor} saved={saved} failed={setMessage} />
        </div>
      )}
    </div>
  );
}

type Props = { visitor: VisitorRow; saved: (text: string, kind?: Message['kind']) => void; failed: (message: Message) => void };

/** Sends one command on the visitor; a refusal shows the server's Danish words. */
function useSend(failed: Props['failed']) {
  const [busy, setBusy] = useState(false);
  const send = async <T,>(path: string, body: unknown): Promise<T | undefined> => {
    setBusy(true);
    try {
      return (await post<T>(path, body)).data;
    } catch (error) {
      failed({ kind: 'error', text: error instanceof ApiError ? error.message : String(error) });
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, send };
}

function Capacity({ visitor, saved, failed }: Props) {
  const [capacity, setCapacity] = useState(String(visitor.capacity));
  const [error, setError] = useState<string>();
  const { busy, send } = useSend(failed);
  const n = Number(capacity);
  const below = Number.isInteger(n) && n >= 1 && n < visitor.activeCases;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!(Number.isInteger(n) && n >= 1 && n <= 50)) return setError('Skriv et helt tal fra 1 til 50.');
    setError(undefined);
    const answer = await send<{ activeCases: number }>(`/visitors/${visitor.visitorId}/capacity`, { capacity: n });
    if (!answer) return;
    const over = answer.activeCases - n;
    saved(
      over > 0
        ? `${visitor.name} kan nu have ${n} borgere. ${visitor.name} har ${answer.activeCases} og beholder dem, men får ingen nye, før der er plads.`
        : `${visitor.name} kan nu have ${n} borgere.`,
      over > 0 ? 'info' : 'success',
    );
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Hvor mange borgere</legend>
        <Field label="Kapacitet" hint={`Hvor mange borgere ${visitor.name} kan have. Har nu ${visitor.activeCases}.`} error={error} required>
          {(a) => <input {...a} type="number" min={1} max={50} inputMode="numeric" value={capacity} onInput={(e) => setCapacity(e.currentTarget.value)} />}
        </Field>
        {below && (
          <Notice kind="info">
            {visitor.name} har {visitor.activeCases} borgere. Med {n} beholder {visitor.name} dem (borgeren får samme besøgende), men får ingen nye, før der er plads.
          </Notice>
        )}
        <button type="submit" disabled={busy}>
          Gem kapacitet
        </button>
      </fieldset>
    </form>
  );
}

function Deactivate({ visitor, saved, failed }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const { busy, send } = useSend(failed);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) return setError('Skriv hvorfor, fx ferie, sygdom eller stoppet.');
    setError(undefined);
    if (await send(`/visitors/${visitor.visitorId}/deactivate`, { reason: reason.trim() })) {
      saved(`${visitor.name} er sat på pause og tilbydes ikke til nye borgere. ${visitor.activeCases > 0 ? `${visitor.name}s ${visitor.activeCases} borgere beholder deres faste besøg, til sagerne omfordeles.` : ''}`.trim());
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Pause</legend>
        <Field label="Årsag til pausen" error={error} required>
          {(a) => <textarea {...a} rows={2} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="danger" disabled={busy}>
          Sæt på pause
        </button>
      </fieldset>
    </form>
  );
}

function Reactivate({ visitor, saved, failed }: Props) {
  const { busy, send } = useSend(failed);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await send(`/visitors/${visitor.visitorId}/reactivate`, {})) saved(`${visitor.name} er aktiv igen og kan tage nye borgere.`);
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Pause</legend>
        <p>{visitor.name} er på pause og tilbydes ikke til nye borgere.</p>
        <button type="submit" class="primary" disabled={busy}>
          Aktivér igen
        </button>
      </fieldset>
    </form>
  );
}

function Details({ visitor, saved, failed }: Props) {
  const [name, setName] = useState(visitor.name);
  const [phone, setPhone] = useState(visitor.phone ?? '');
  const [errors, setErrors] = useState<{ name?: string; phone?: string }>({});
  const { busy, send } = useSend(failed);
  const submit = async (event: Event) => {
    event.preventDefault();
    const found = {
      ...(!name.trim() && { name: 'Skriv det fulde navn.' }),
      ...(phone.trim() && !PHONE.test(phone.trim()) && { phone: 'Skriv et dansk telefonnummer: 8 cifre, gerne med +45 foran.' }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    // Only what changed is sent; the server says so if nothing did.
    const body = { ...(name.trim() !== visitor.name && { name: name.trim() }), ...(phone.trim() && phone.trim() !== visitor.phone && { phone: phone.trim() }) };
    if (Object.keys(body).length === 0) return failed({ kind: 'info', text: 'Navn og telefonnummer er de samme som før; intet er ændret.' });
    if (await send(`/visitors/${visitor.visitorId}/details`, body)) saved('Navn og telefon er rettet. Nye besøgskort får de nye oplysninger.');
  };
  return (
    <details>
      <summary>Ret navn eller telefon</summary>
      <form class="form" onSubmit={submit} noValidate>
        <Field label="Fulde navn" error={errors.name} required>
          {(a) => <input {...a} maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field label="Mobil (til besøgskortet)" error={errors.phone}>
          {(a) => <input {...a} type="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />}
        </Field>
        <button type="submit" disabled={busy}>
          Gem navn og telefon
        </button>
      </form>
    </details>
  );
}
