import { useState } from 'preact/hooks';
import type { Gender, Interest, Language, Mobility } from '../../../../domain/matching/matching.codes';
import { CommandError, useCommand } from '../../command';
import { GENDER, INTEREST, LANGUAGE, MOBILITY, spanText, Wishes } from '../../matching';
import { Checkboxes, Field, SelectField } from '../../ui';
import { SpansField, spanError } from './SpansField';

/** The citizen's wishes on the case page (seed 003: "Fridas ønsker og behov"): shown, and recorded anew with the form below. */
export function WishesCard({ caseId, wishes, etag, done, refresh, editable }: { caseId: string; wishes?: Wishes | undefined; etag?: string | undefined; done: () => void; refresh: () => void; editable: boolean }) {
  return (
    <div class="card wishes">
      <h2>Borgerens ønsker</h2>
      {wishes ? (
        <dl class="facts">
          <dt>Interesser</dt>
          <dd>{wishes.interests.length === 0 ? '–' : wishes.interests.map((i) => <span key={i} class="badge">{INTEREST[i]}</span>)}{wishes.otherInterests && ` ${wishes.otherInterests}`}</dd>
          <dt>Sprog</dt>
          <dd>{wishes.languages.map((l) => LANGUAGE[l]).join(', ') || '–'}</dd>
          <dt>Tidspunkter</dt>
          <dd>{wishes.availability.map(spanText).join(', ') || '–'}</dd>
          <dt>Mobilitet</dt>
          <dd>{MOBILITY[wishes.mobility]}</dd>
          {wishes.preferredGender && (
            <>
              <dt>Foretrækker</dt>
              <dd>{GENDER[wishes.preferredGender]}</dd>
            </>
          )}
          {wishes.note && (
            <>
              <dt>Bemærkninger</dt>
              <dd>{wishes.note}</dd>
            </>
          )}
        </dl>
      ) : (
        <p class="muted">Ingen ønsker registreret endnu.</p>
      )}
      {editable && <WishesForm caseId={caseId} wishes={wishes} etag={etag} done={done} refresh={refresh} />}
    </div>
  );
}

function WishesForm({ caseId, wishes, etag, done, refresh }: { caseId: string; wishes?: Wishes | undefined; etag?: string | undefined; done: () => void; refresh: () => void }) {
  const [interests, setInterests] = useState<Interest[]>(wishes?.interests ?? []);
  const [languages, setLanguages] = useState<Language[]>(wishes?.languages ?? ['da']);
  const [availability, setAvailability] = useState(wishes?.availability ?? []);
  const [mobility, setMobility] = useState<Mobility>(wishes?.mobility ?? 'walks');
  const [gender, setGender] = useState<Gender | ''>(wishes?.preferredGender ?? '');
  const [note, setNote] = useState(wishes?.note ?? '');
  const [error, setError] = useState<string>();
  const command = useCommand(done);
  const submit = (event: Event) => {
    event.preventDefault();
    const spans = spanError(availability);
    setError(spans);
    if (spans) return;
    void command.send(
      `/cases/${caseId}/wishes`,
      { interests, languages, availability, mobility, ...(gender && { preferredGender: gender }), ...(note.trim() && { note: note.trim() }) },
      etag,
    );
  };
  return (
    <details>
      <summary>{wishes ? 'Ret ønskerne' : 'Registrér ønsker'}</summary>
      <form class="form" onSubmit={submit} noValidate>
        <CommandError error={command.error} onRefresh={refresh} />
        <Checkboxes legend="Interesser" options={INTEREST} value={interests} onChange={setInterests} />
        <Checkboxes legend="Sprog" options={LANGUAGE} value={languages} onChange={setLanguages} />
        <SpansField legend="Hvornår borgeren kan" value={availability} onChange={setAvailability} error={error} />
        <SelectField label="Mobilitet" value={mobility} onChange={setMobility} options={MOBILITY} />
        <SelectField label="Foretrukket køn hos hjælperen" value={gender} onChange={setGender} options={GENDER} empty="Ingen præference" />
        <Field label="Bemærkninger" hint="Fx hvad borgeren har svært ved, eller hvem der kan køre">
          {(a) => <textarea {...a} rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
        </Field>
        <div class="actions">
          <button type="submit" class="primary" disabled={command.busy}>
            Gem ønsker
          </button>
        </div>
      </form>
    </details>
  );
}
