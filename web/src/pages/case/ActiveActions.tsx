import { useState } from 'preact/hooks';
import { DEFAULT_PROGRAMME_SETTINGS } from '../../../../domain/programme/programme.settings';
import { helperWord } from '../../../../domain/shared/helper-words';
import { CLOSURE } from '../../labels';
import { CommandError, useCommand } from '../../command';
import { fromLocalInput, nowForInput } from '../../format';
import { get } from '../../api';
import { Field, SelectField, useLoad } from '../../ui';
import type { ProgrammeRow } from '../programmes/programme-settings';
import type { CaseView } from './case-view';
import { VisitorPicker } from './VisitorPicker';

/** Reassigning the visitor (continuity breaks only on purpose), and closing the case. */
export function ActiveActions({ c, etag, done, refresh }: { c: CaseView; etag?: string | undefined; done: () => void; refresh: () => void }) {
  const [toVisitorId, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ to?: string; reason?: string; at?: string; noFollowUp?: string }>({});
  const reassign = useCommand(done);
  const close = useCommand(done);
  const [closeReason, setCloseReason] = useState('relation_established');
  const [closeAt, setCloseAt] = useState(nowForInput());
  // Issue #19: a follow-up is scheduled unless the coordinator says why not.
  const [followUp, setFollowUp] = useState(true);
  const [noFollowUpReason, setNoFollowUpReason] = useState('');
  // The programme's follow-up months in force (an admin may have changed them); the default until they are read.
  const programme = useLoad(() => get<ProgrammeRow>(`/programmes/${c.programme}`), [c.programme]);
  const followUpMonths = programme.data?.settings.followUpMonths ?? DEFAULT_PROGRAMME_SETTINGS[c.programme].followUpMonths;

  const submitReassign = (event: Event) => {
    event.preventDefault();
    const found = { ...(!toVisitorId && { to: `Vælg den nye ${helperWord(c.programme)}.` }), ...(!reason.trim() && { reason: 'Skriv hvorfor sagen omfordeles.' }) };
    setErrors(found);
    if (Object.keys(found).length === 0) void reassign.send(`/cases/${c.caseId}/reassign`, { toVisitorId, reason: reason.trim() }, etag);
  };
  const submitClose = (event: Event) => {
    event.preventDefault();
    const at = fromLocalInput(closeAt);
    if (!at) return setErrors({ at: 'Skriv dato og tid for afslutningen.' });
    if (!followUp && !noFollowUpReason.trim()) return setErrors({ noFollowUp: 'Skriv hvorfor der ikke skal følges op.' });
    const body = followUp ? { reason: closeReason, at } : { reason: closeReason, at, followUp: false, noFollowUpReason: noFollowUpReason.trim() };
    void close.send(`/cases/${c.caseId}/close`, body, etag);
  };

  return (
    <div class="card">
      <details>
        <summary>Omfordel til en anden {helperWord(c.programme)}</summary>
        <form class="form" onSubmit={submitReassign} noValidate>
          <CommandError error={reassign.error} onRefresh={refresh} />
          <VisitorPicker programme={c.programme} track={c.track} value={toVisitorId} onChange={setTo} error={errors.to} exclude={c.visitorId} />
          <Field label="Begrundelse" error={errors.reason} required>
            {(a) => <textarea {...a} rows={2} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
          </Field>
          <button type="submit" disabled={reassign.busy}>
            Omfordel
          </button>
        </form>
      </details>
      <details>
        <summary>Afslut sagen</summary>
        <form class="form" onSubmit={submitClose} noValidate>
          <CommandError error={close.error} onRefresh={refresh} />
          <SelectField label="Årsag" value={closeReason} onChange={setCloseReason} options={CLOSURE} />
          <Field label="Afsluttet den" error={errors.at}>
            {(a) => <input {...a} type="datetime-local" value={closeAt} onInput={(e) => setCloseAt(e.currentTarget.value)} />}
          </Field>
          {closeReason === 'relation_established' && c.relations.length === 0 && (
            <p class="muted">Registrér relationen først: sagen kan kun afsluttes med en ny relation, når relationen er registreret.</p>
          )}
          {/* Issue #19: a last look at what was agreed, before the course ends with its relation. */}
          {closeReason === 'relation_established' && c.agreement && (
            <div class="agreement-look">
              <p>Aftalens mål:</p>
              <ul>
                {c.agreement.goals.map((goal) => (
                  <li key={goal}>{goal}</li>
                ))}
              </ul>
              <p class="muted">Forløbet er slut, når: {c.agreement.endCriteria}</p>
            </div>
          )}
          <label class="check">
            <input type="checkbox" checked={followUp} onChange={(e) => setFollowUp(e.currentTarget.checked)} /> Følg op om {followUpMonths} {followUpMonths === 1 ? 'måned' : 'måneder'}
          </label>
          {!followUp && (
            <Field label="Hvorfor ingen opfølgning?" error={errors.noFollowUp} required>
              {(a) => <textarea {...a} rows={2} maxLength={2000} value={noFollowUpReason} onInput={(e) => setNoFollowUpReason(e.currentTarget.value)} />}
            </Field>
          )}
          <button type="submit" class="danger" disabled={close.busy}>
            Afslut sag
          </button>
        </form>
      </details>
    </div>
  );
}
