import { useState } from 'preact/hooks';
import { FOLLOW_UP_OUTCOMES } from '../../../../domain/shared/course-codes';
import type { FollowUpOutcome } from '../../../../domain/shared/course-codes';
import { CommandError, useCommand } from '../../command';
import { date, dateTime, fromLocalInput, nowForInput } from '../../format';
import { FOLLOW_UP_OUTCOME, label } from '../../labels';
import { Field, SelectField } from '../../ui';
import type { CaseView } from './case-view';

const ANSWERS = { '': 'Ikke målt', '1': 'Sjældent eller aldrig', '2': 'En gang imellem', '3': 'Ofte' } as const;
type Answer = keyof typeof ANSWERS;

/**
 * "Opfølgning" on a closed case (issue #19): the follow-ups the closing
 * scheduled, and the form for the next one not yet held: the outcome, an
 * optional UCLA-3 and a note. Seed 003: "… og følger op".
 */
export function FollowUps({ c, etag, done, refresh }: { c: CaseView; etag?: string | undefined; done: () => void; refresh: () => void }) {
  const followUps = c.followUps ?? [];
  const next = followUps.find((f) => !f.held);
  const hold = useCommand(done);
  const [at, setAt] = useState(nowForInput());
  const [outcome, setOutcome] = useState<FollowUpOutcome>('still_connected');
  const [answers, setAnswers] = useState<[Answer, Answer, Answer]>(['', '', '']);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ at?: string; ucla3?: string }>({});
  if (followUps.length === 0) return null;

  const submit = (event: Event) => {
    event.preventDefault();
    const when = fromLocalInput(at);
    const given = answers.filter((a) => a !== '');
    const found = { ...(!when && { at: 'Skriv dato og tid for opfølgningen.' }), ...(given.length > 0 && given.length < 3 && { ucla3: 'Besvar alle tre spørgsmål, eller ingen.' }) };
    setErrors(found);
    if (Object.keys(found).length > 0 || !next) return;
    const body = { at: when, outcome, ...(given.length === 3 && { ucla3: answers.map(Number) }), ...(note.trim() && { note: note.trim() }) };
    void hold.send(`/cases/${c.caseId}/follow-ups/${next.followUpId}/held`, body, etag);
  };
  const setAnswer = (i: number) => (value: Answer) => setAnswers((prev) => prev.map((a, j) => (j === i ? value : a)) as [Answer, Answer, Answer]);

  return (
    <div class="card">
      <h2>Opfølgning</h2>
      <ul class="plain">
        {followUps.map((f) => (
          <li key={f.followUpId}>
            {f.held
              ? `Fulgt op ${date(f.held.at)}: ${label(FOLLOW_UP_OUTCOME, f.held.outcome)}${f.held.score !== undefined ? `, UCLA-3 ${f.held.score} af 9` : ''}`
              : `Planlagt til ${dateTime(f.dueAt)}`}
          </li>
        ))}
      </ul>
      {next && (
        <details>
          <summary>Registrér opfølgningen</summary>
          <form class="form" onSubmit={submit} noValidate>
            <CommandError error={hold.error} onRefresh={refresh} />
            <Field label="Fulgt op den" error={errors.at} required>
              {(a) => <input {...a} type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />}
            </Field>
            <SelectField label="Udfald" value={outcome} onChange={setOutcome} options={pick(FOLLOW_UP_OUTCOME)} />
            <fieldset>
              <legend>UCLA-3 (valgfrit)</legend>
              {['Hvor ofte føler du, at du mangler nogen at være sammen med?', 'Hvor ofte føler du dig holdt udenfor?', 'Hvor ofte føler du dig isoleret fra andre?'].map((question, i) => (
                <SelectField key={question} label={question} value={answers[i]!} onChange={setAnswer(i)} options={ANSWERS} error={i === 2 ? errors.ucla3 : undefined} />
              ))}
            </fieldset>
            <Field label="Note">{(a) => <textarea {...a} rows={2} maxLength={10000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}</Field>
            <button type="submit" disabled={hold.busy}>
              Gem opfølgning
            </button>
          </form>
        </details>
      )}
    </div>
  );
}

/** The outcomes in the order of the code list. */
const pick = (labels: Record<FollowUpOutcome, string>) => Object.fromEntries(FOLLOW_UP_OUTCOMES.map((code) => [code, labels[code]])) as Record<FollowUpOutcome, string>;
