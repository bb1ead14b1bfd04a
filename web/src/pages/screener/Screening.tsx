import { useState } from 'preact/hooks';
import { ApiError, request } from '../../api';
import { focusHeading } from '../../focus';
import { fromLocalInput, nowForInput } from '../../format';
import { Field, Notice } from '../../ui';
import { ReferScreening } from './ReferScreening';
import { scoreText, UCLA3_ANSWERS, UCLA3_QUESTIONS } from './ucla3';

const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;
const CPR = /^\d{6}-\d{4}$/;
const UNIT_KEY = 'brobygger.screening-unit';

interface Saved {
  screeningId: string;
  consent: boolean;
  name: string;
  unit: string;
  lonely: boolean;
}

/**
 * Opsporing (issue 22), for a screener on a phone: the three UCLA-3 questions,
 * the score, the citizen's consent to be referred, and then "Henvis" in one
 * step. Without consent the form asks for no name and sends none: only unit,
 * time and score are kept (seed 001: "systematisk opsporing af ensomhed").
 */
export function Screening() {
  const [at, setAt] = useState(nowForInput());
  const [unit, setUnit] = useState(() => localStorage.getItem(UNIT_KEY) ?? '');
  const [answers, setAnswers] = useState([0, 0, 0]);
  const [consent, setConsent] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [cpr, setCpr] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [saved, setSaved] = useState<Saved>();

  const restart = () => {
    setAt(nowForInput()), setAnswers([0, 0, 0]), setConsent(false), setName(''), setPhone(''), setCpr(''), setNote('');
    setErrors({}), setFailure(undefined), setSaved(undefined), setKey(crypto.randomUUID());
    focusHeading();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const when = fromLocalInput(at);
    const found: Record<string, string> = {};
    if (!when) found.at = 'Skriv dato og tid for opsporingen.';
    if (!unit.trim()) found.unit = 'Skriv din enhed, fx Hjemmeplejen Syd.';
    if (answers.some((a) => a === 0)) found.ucla = 'Svar på alle tre spørgsmål.';
    if (consent && !name.trim()) found.name = 'Skriv borgerens navn: det skal bruges til henvisningen.';
    if (consent && phone.trim() && !PHONE.test(phone.trim())) found.phone = 'Telefonnummeret skal have 8 cifre.';
    if (consent && cpr.trim() && !CPR.test(cpr.trim())) found.cpr = 'CPR-nummeret skrives DDMMÅÅ-XXXX.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    // Without consent nothing about the person is sent, whatever was typed before the box was unticked.
    const citizen = { name: name.trim(), ...(phone.trim() && { phone: phone.trim() }), ...(cpr.trim() && { cpr: cpr.trim() }) };
    const body = { at: when, unit: unit.trim(), ucla3: answers, consentToRefer: consent, ...(consent && { citizen }), ...(consent && note.trim() && { note: note.trim() }) };
    try {
      const { data } = await request<{ screeningId: string }>('/screenings', { method: 'POST', body, idempotencyKey: key });
      localStorage.setItem(UNIT_KEY, unit.trim());
      setSaved({ screeningId: data.screeningId, consent, name: name.trim(), unit: unit.trim(), lonely: answers.reduce((s, a) => s + a, 0) >= 7 });
      focusHeading();
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (saved) {
    return (
      <section>
        <h1>Opsporing gemt</h1>
        {saved.consent ? (
          <>
            <Notice kind="success">Opsporingen af {saved.name} er gemt.</Notice>
            <ReferScreening screeningId={saved.screeningId} unit={saved.unit} />
          </>
        ) : (
          <Notice kind="success">Opsporingen er gemt uden personoplysninger: kun enhed, tidspunkt og score.</Notice>
        )}
        <button type="button" onClick={restart}>
          Ny opsporing
        </button>
      </section>
    );
  }

  return (
    <section>
      <h1>Opsporing af ensomhed</h1>
      <form class="card form" onSubmit={submit} noValidate>
        {failure && <Notice kind="error">{failure}</Notice>}
        <Field label="Tidspunkt" error={errors.at} required>
          {(a) => <input {...a} type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />}
        </Field>
        <Field label="Enhed" hint="Fx Hjemmeplejen Syd eller Forebyggende hjemmebesøg" error={errors.unit} required>
          {(a) => <input {...a} value={unit} maxLength={200} onInput={(e) => setUnit(e.currentTarget.value)} />}
        </Field>
        {UCLA3_QUESTIONS.map((question, i) => (
          <fieldset key={question} class="radios">
            <legend>{question}</legend>
            {UCLA3_ANSWERS.map((answer, j) => (
              <label key={answer} class="check">
                <input type="radio" name={`ucla-${i}`} checked={answers[i] === j + 1} onChange={() => setAnswers(answers.map((x, k) => (k === i ? j + 1 : x)))} />
                {answer}
              </label>
            ))}
          </fieldset>
        ))}
        {errors.ucla && <span class="field-error">{errors.ucla}</span>}
        <p role="status" class="score">
          {scoreText(answers)}
        </p>
        <label class="check">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
          Borgeren giver samtykke til at blive henvist
        </label>
        {!consent && <p class="muted">Uden samtykke gemmes ingen personoplysninger: kun enhed, tidspunkt og score.</p>}
        {consent && (
          <>
            <Field label="Borgerens navn" error={errors.name} required>
              {(a) => <input {...a} value={name} maxLength={200} autocomplete="off" onInput={(e) => setName(e.currentTarget.value)} />}
            </Field>
            <Field label="Borgerens telefon" error={errors.phone}>
              {(a) => <input {...a} type="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />}
            </Field>
            <Field label="CPR-nummer" hint="Valgfrit. Kendes borgeren i forvejen, samles sagerne" error={errors.cpr}>
              {(a) => <input {...a} value={cpr} inputMode="numeric" autocomplete="off" onInput={(e) => setCpr(e.currentTarget.value)} />}
            </Field>
            <Field label="Note" error={errors.note}>
              {(a) => <textarea {...a} value={note} maxLength={10000} onInput={(e) => setNote(e.currentTarget.value)} />}
            </Field>
          </>
        )}
        <button type="submit" class="primary" disabled={busy}>
          Gem opsporing
        </button>
      </form>
    </section>
  );
}
