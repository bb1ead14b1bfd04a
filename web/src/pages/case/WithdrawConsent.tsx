import { useState } from 'preact/hooks';
import { CommandError, useCommand } from '../../command';
import { fromLocalInput, nowForInput } from '../../format';
import { Field } from '../../ui';

/**
 * The citizen withdraws consent: recorded on the citizen, and every open case
 * of theirs is closed with "Samtykke trukket tilbage". The server does both;
 * sent again, it closes whatever is still open.
 */
export function WithdrawConsent({ citizenId, done, refresh }: { citizenId: string; done: () => void; refresh: () => void }) {
  const [at, setAt] = useState(nowForInput());
  const [error, setError] = useState<string>();
  const withdraw = useCommand(done);
  const submit = (event: Event) => {
    event.preventDefault();
    const when = fromLocalInput(at);
    setError(when ? undefined : 'Skriv dato og tid.');
    if (when) void withdraw.send(`/citizens/${citizenId}/consent/withdraw`, { at: when }, undefined);
  };
  return (
    <div class="card">
      <details>
        <summary>Borgeren trækker samtykket tilbage</summary>
        <form class="form" onSubmit={submit} noValidate>
          <CommandError error={withdraw.error} onRefresh={refresh} />
          <p>Alle borgerens åbne sager afsluttes med årsagen «Samtykke trukket tilbage». Det kan ikke fortrydes.</p>
          <Field label="Samtykket trukket tilbage den" error={error}>
            {(a) => <input {...a} type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />}
          </Field>
          <button type="submit" class="danger" disabled={withdraw.busy}>
            Træk samtykket tilbage
          </button>
        </form>
      </details>
    </div>
  );
}
