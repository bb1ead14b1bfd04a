import { useState } from 'preact/hooks';
import type { RelationKind, TaskKind } from '../../../../domain/shared/codes';
import { CommandError, useCommand } from '../../command';
import { fromLocalInput, nowForInput } from '../../format';
import { label, RELATION, TASK } from '../../labels';
import type { Session } from '../../session';
import { Field, SelectField } from '../../ui';
import type { CaseView } from '../case/case-view';

type Props = { c: CaseView; etag?: string | undefined; session: Session; done: (what: string) => void; refresh: () => void };

/** UCLA-3, the three questions read aloud; each answer 1 (sjældent) to 3 (ofte). */
const UCLA3_QUESTIONS = ['Hvor ofte føler du, at du mangler nogen at være sammen med?', 'Hvor ofte føler du dig holdt udenfor?', 'Hvor ofte føler du dig isoleret fra andre?'];
const UCLA3_ANSWERS = ['Sjældent eller aldrig', 'En gang imellem', 'Ofte'];

/** What else happens on a visit: "fyret, men vi kommer igen", tasks, a UCLA-3, a new relation. Each its own small form. */
export function VisitorExtras({ c, etag, session, done, refresh }: Props) {
  const dismissal = useCommand(() => done('Registreret: du kommer igen som aftalt.'));
  const task = useCommand(() => done('Opgaven er oprettet.'));
  const complete = useCommand(() => done('Opgaven er løst.'));
  const assess = useCommand(() => done('Målingen er gemt.'));
  const relation = useCommand(() => done('Relationen er registreret.'));
  const [dismissAt, setDismissAt] = useState(nowForInput());
  const [dismissNext, setDismissNext] = useState(nowForInput(7));
  const [assessment, setAssessment] = useState('');
  const [taskKind, setTaskKind] = useState<TaskKind>('health_supplement');
  const [taskDescription, setTaskDescription] = useState('');
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const [answers, setAnswers] = useState<number[]>([0, 0, 0]);
  const [relationKind, setRelationKind] = useState<RelationKind>('social_cafe');
  const [relationDescription, setRelationDescription] = useState('');
  const [relationAt, setRelationAt] = useState(nowForInput());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const check = (found: Record<string, string>) => (setErrors(found), Object.keys(found).length === 0);
  const openTasks = c.tasks.filter((t) => t.status === 'open');

  return (
    <div class="extras">
      <details class="card">
        <summary>Fyret, men kommer igen</summary>
        <form
          class="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const at = fromLocalInput(dismissAt);
            const next = fromLocalInput(dismissNext);
            if (check({ ...(!at && { dismissAt: 'Skriv hvornår.' }), ...(!next && { dismissNext: 'Skriv næste besøg.' }), ...(!assessment.trim() && { assessment: 'Skriv din vurdering.' }) }))
              void dismissal.send(`/cases/${c.caseId}/dismissals`, { visitorId: session.visitorId, at, nextVisitAt: next, assessment: assessment.trim() }, etag);
          }}
        >
          <CommandError error={dismissal.error} onRefresh={refresh} />
          <Field label="Hvornår" error={errors.dismissAt} required>
            {(a) => <input {...a} type="datetime-local" value={dismissAt} onInput={(e) => setDismissAt(e.currentTarget.value)} />}
          </Field>
          <Field label="Jeg kommer igen" error={errors.dismissNext} required>
            {(a) => <input {...a} type="datetime-local" value={dismissNext} onInput={(e) => setDismissNext(e.currentTarget.value)} />}
          </Field>
          <Field label="Din vurdering" hint="Hvorfor det er rigtigt at komme igen" error={errors.assessment} required>
            {(a) => <textarea {...a} rows={2} maxLength={2000} value={assessment} onInput={(e) => setAssessment(e.currentTarget.value)} />}
          </Field>
          <button type="submit" disabled={dismissal.busy}>Gem</button>
        </form>
      </details>
      <details class="card">
        <summary>Opgaver ({openTasks.length} i gang)</summary>
        {openTasks.map((t) => (
          <form
            key={t.taskId}
            class="form task"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const outcome = (outcomes[t.taskId] ?? '').trim();
              if (check(outcome ? {} : { [t.taskId]: 'Skriv hvordan opgaven endte.' })) void complete.send(`/cases/${c.caseId}/tasks/${t.taskId}/complete`, { outcome }, etag);
            }}
          >
            <Field label={`Resultat: ${label(TASK, t.kind)}${t.description ? ` (${t.description})` : ''}`} error={errors[t.taskId]}>
              {(a) => <input {...a} value={outcomes[t.taskId] ?? ''} onInput={(e) => setOutcomes({ ...outcomes, [t.taskId]: e.currentTarget.value })} />}
            </Field>
            <button type="submit" disabled={complete.busy}>Opgaven er løst</button>
          </form>
        ))}
        <CommandError error={complete.error} onRefresh={refresh} />
        <form
          class="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (check(taskDescription.trim() ? {} : { taskDescription: 'Beskriv opgaven.' })) void task.send(`/cases/${c.caseId}/tasks`, { kind: taskKind, description: taskDescription.trim() }, etag);
          }}
        >
          <CommandError error={task.error} onRefresh={refresh} />
          <SelectField label="Ny opgave" value={taskKind} onChange={setTaskKind} options={TASK} />
          <Field label="Beskrivelse" error={errors.taskDescription} required>
            {(a) => <input {...a} maxLength={2000} value={taskDescription} onInput={(e) => setTaskDescription(e.currentTarget.value)} />}
          </Field>
          <button type="submit" disabled={task.busy}>Opret opgave</button>
        </form>
      </details>
      <details class="card">
        <summary>Ensomhedsmåling (UCLA-3)</summary>
        <form
          class="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (check(answers.every((x) => x > 0) ? {} : { ucla: 'Svar på alle tre spørgsmål.' })) void assess.send(`/cases/${c.caseId}/assessments`, { instrument: 'ucla3', answers }, etag);
          }}
        >
          <CommandError error={assess.error} onRefresh={refresh} />
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
          <button type="submit" disabled={assess.busy}>Gem måling</button>
        </form>
      </details>
      <details class="card">
        <summary>Ny relation</summary>
        <form
          class="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const at = fromLocalInput(relationAt);
            if (check({ ...(!at && { relationAt: 'Skriv hvornår.' }), ...(!relationDescription.trim() && { relationDescription: 'Beskriv relationen.' }) }))
              void relation.send(`/cases/${c.caseId}/relations`, { kind: relationKind, description: relationDescription.trim(), at }, etag);
          }}
        >
          <CommandError error={relation.error} onRefresh={refresh} />
          <SelectField label="Slags relation" value={relationKind} onChange={setRelationKind} options={RELATION} />
          <Field label="Beskrivelse" hint="Fx Kirkens café om torsdagen" error={errors.relationDescription} required>
            {(a) => <input {...a} maxLength={2000} value={relationDescription} onInput={(e) => setRelationDescription(e.currentTarget.value)} />}
          </Field>
          <Field label="Etableret den" error={errors.relationAt} required>
            {(a) => <input {...a} type="datetime-local" value={relationAt} onInput={(e) => setRelationAt(e.currentTarget.value)} />}
          </Field>
          <button type="submit" disabled={relation.busy}>Gem relation</button>
        </form>
      </details>
    </div>
  );
}
