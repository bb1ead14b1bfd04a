import { useState } from 'preact/hooks';
import { NEEDS, TRACKS } from '../../../../domain/shared/codes';
import type { Need, Track } from '../../../../domain/shared/codes';
import { helperWord } from '../../../../domain/shared/helper-words';
import { CommandError, useCommand } from '../../command';
import { NEED, TRACK } from '../../labels';
import { Checkboxes, Field, SelectField } from '../../ui';
import type { CaseView } from './case-view';

/**
 * "Vurdér sagen på ny" (issue #19): the coordinator, or in the
 * fællesskabsguide programme the guide after the first meeting (seed 003: "Det
 * er fællesskabsguiderne, der vurderer …"). To the professional track from a
 * volunteer the case returns to the waiting folder; the server says so and
 * holds the suicidal-thoughts rule.
 */
export function Reassess({ c, etag, done, refresh }: { c: CaseView; etag?: string | undefined; done: (handedBack: boolean) => void; refresh: () => void }) {
  const [track, setTrack] = useState<Track>(c.track === 'professional' ? 'professional' : 'volunteer');
  const [reason, setReason] = useState('');
  const [needs, setNeeds] = useState<Need[]>([]);
  const [error, setError] = useState<string | undefined>();
  const handsBack = c.status === 'Active' && c.track === 'volunteer' && track === 'professional' && c.visitorKind === 'volunteer';
  const reassess = useCommand(() => done(handsBack));
  const newNeeds = Object.fromEntries(NEEDS.filter((n) => !c.needs.includes(n)).map((n) => [n, NEED[n]])) as Record<Need, string>;
  const submit = (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) return setError('Skriv din vurdering.');
    setError(undefined);
    void reassess.send(`/cases/${c.caseId}/reassessment`, { track, reason: reason.trim(), ...(needs.length > 0 && { needs }) }, etag);
  };
  return (
    <details class="card">
      <summary>Vurdér sagen på ny</summary>
      <form class="form" onSubmit={submit} noValidate>
        <CommandError error={reassess.error} onRefresh={refresh} />
        <SelectField label="Spor" value={track} onChange={setTrack} options={Object.fromEntries(TRACKS.map((t) => [t, TRACK[t]])) as Record<Track, string>} />
        {handsBack && <p class="muted">Sagen kommer tilbage i ventemappen, og koordinatoren finder en ansat eller frivillig med faglig baggrund i stedet for {helperWord(c.programme, 'definite')}.</p>}
        <Field label="Begrundelse for vurderingen" error={error} required>
          {(a) => <textarea {...a} rows={2} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        <Checkboxes legend="Nye behov (valgfrit)" options={newNeeds} value={needs} onChange={setNeeds} />
        <button type="submit" disabled={reassess.busy}>
          Gem vurdering
        </button>
      </form>
    </details>
  );
}
