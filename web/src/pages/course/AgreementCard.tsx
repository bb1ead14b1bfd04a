import { useState } from 'preact/hooks';
import type { AgreementFrequency, AgreementParty } from '../../../../domain/shared/course-codes';
import { helperWord } from '../../../../domain/shared/helper-words';
import { CommandError, useCommand } from '../../command';
import { date, fromLocalInput } from '../../format';
import { label } from '../../labels';
import { Checkboxes, Field, SelectField } from '../../ui';
import type { CaseView } from '../case/case-view';
import { FREQUENCY, PARTY } from '../../course-labels';
import { Fold } from './Fold';

type Props = { c: CaseView; etag?: string | undefined; done: (what: string) => void; refresh: () => void };

/** "Aftale": the agreement about the course (seed 003: "klare aftaler omkring forløbet"); a new one replaces it. */
export function AgreementCard({ c, etag, done, refresh }: Props) {
  const record = useCommand(() => done('Aftalen er gemt.'));
  const a = c.agreement;
  const [goals, setGoals] = useState(a ? a.goals.join('\n') : '');
  const [frequency, setFrequency] = useState<AgreementFrequency>(a?.frequency ?? 'weekly');
  const [expectedEnd, setExpectedEnd] = useState('');
  const [endCriteria, setEndCriteria] = useState(a?.endCriteria ?? '');
  const [agreedWith, setAgreedWith] = useState<AgreementParty[]>(a?.agreedWith ?? ['citizen', 'visitor']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The helper is named after the programme: "Fællesskabsguiden", "Besøgsvennen".
  const parties = { ...PARTY, visitor: helperWord(c.programme, 'singular').replace(/^./, (x) => x.toUpperCase()) };

  const submit = (event: Event) => {
    event.preventDefault();
    const list = goals.split('\n').map((g) => g.trim()).filter(Boolean);
    const end = expectedEnd ? fromLocalInput(`${expectedEnd}T12:00`) : undefined;
    const found = {
      ...(list.length === 0 && { goals: 'Skriv mindst ét mål, ét pr. linje.' }),
      ...(!endCriteria.trim() && { endCriteria: 'Skriv hvornår forløbet er slut.' }),
      ...(!agreedWith.includes('citizen') && { agreedWith: 'Aftalen laves med borgeren.' }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void record.send(`/cases/${c.caseId}/agreement`, { goals: list, frequency, ...(end && { expectedEnd: end }), endCriteria: endCriteria.trim(), agreedWith }, etag);
  };

  return (
    <div class="card agreement">
      <h2>Aftale</h2>
      {a ? (
        <>
          <ul>
            {a.goals.map((goal) => (
              <li key={goal}>{goal}</li>
            ))}
          </ul>
          <dl class="facts">
            <dt>Hyppighed</dt>
            <dd>{label(FREQUENCY, a.frequency)}</dd>
            {a.expectedEnd && (
              <>
                <dt>Forventet slut</dt>
                <dd>{date(a.expectedEnd)}</dd>
              </>
            )}
            <dt>Slut når</dt>
            <dd>{a.endCriteria}</dd>
            <dt>Aftalt med</dt>
            <dd>{a.agreedWith.map((p) => label(parties, p).toLowerCase()).join(', ')}</dd>
          </dl>
        </>
      ) : (
        <p class="muted">Ingen aftale om forløbet endnu.</p>
      )}
      {c.status === 'Active' && (
        <Fold summary={a ? 'Ny aftale' : 'Registrér aftale'}>
          {() => (
          <form class="form" onSubmit={submit} noValidate>
            <CommandError error={record.error} onRefresh={refresh} />
            <Field label="Mål" hint="Ét mål pr. linje" error={errors.goals} required>
              {(attrs) => <textarea {...attrs} rows={3} value={goals} onInput={(e) => setGoals(e.currentTarget.value)} />}
            </Field>
            <SelectField label="Hvor ofte mødes I" value={frequency} onChange={setFrequency} options={FREQUENCY} />
            <Field label="Forventet afslutning">
              {(attrs) => <input {...attrs} type="date" value={expectedEnd} onInput={(e) => setExpectedEnd(e.currentTarget.value)} />}
            </Field>
            <Field label="Forløbet er slut, når" error={errors.endCriteria} required>
              {(attrs) => <textarea {...attrs} rows={2} maxLength={2000} value={endCriteria} onInput={(e) => setEndCriteria(e.currentTarget.value)} />}
            </Field>
            <Checkboxes legend="Aftalt med" options={parties} value={agreedWith} onChange={setAgreedWith} error={errors.agreedWith} />
            <button type="submit" disabled={record.busy}>
              Gem aftale
            </button>
          </form>
          )}
        </Fold>
      )}
    </div>
  );
}
