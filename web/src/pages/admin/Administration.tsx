import { useState } from 'preact/hooks';
import { ApiError, get } from '../../api';
import { Field, Notice } from '../../ui';
import { AccessLog } from './AccessLog';
import { EraseCitizen } from './EraseCitizen';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The answer as a file the admin can hand over (GDPR art. 15: everything held about the person, decrypted). */
function download(citizenId: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  Object.assign(document.createElement('a'), { href: url, download: `brobygger-indsigt-${citizenId}.json` }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A citizen's rights, for the data controller's staff: who has read the
 * person's data, everything held about them (indsigt), and erasure
 * (crypto-shredding: their key is destroyed, the statistics stay).
 */
export function Administration() {
  const [typed, setTyped] = useState('');
  const [citizenId, setCitizenId] = useState<string>();
  const [idError, setIdError] = useState<string>();
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [busy, setBusy] = useState(false);

  const choose = (event: Event) => {
    event.preventDefault();
    const id = typed.trim().toLowerCase();
    setIdError(UUID.test(id) ? undefined : 'Skriv borgerens id (36 tegn, som det står på sagen).');
    setMessage(undefined);
    setCitizenId(UUID.test(id) ? id : undefined);
  };
  const exportAll = async (id: string) => {
    setBusy(true);
    try {
      download(id, await get(`/citizens/${id}/export`));
      setMessage({ kind: 'success', text: 'Indsigten er hentet som fil.' });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof ApiError && error.status === 404 ? 'Der findes ingen borger med det id.' : (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h1>Administration</h1>
      <p>Brugere oprettes fra kommandolinjen: <code>npm run cli -- user add --username U --role R</code>.</p>
      <form class="card form" onSubmit={choose} noValidate>
        <h2>Borgerens rettigheder</h2>
        <Field label="Borgerens id" error={idError} hint="Står på borgerens sag hos koordinatoren." required>
          {(a) => <input {...a} value={typed} spellcheck={false} onInput={(e) => (setTyped(e.currentTarget.value), setCitizenId(undefined))} />}
        </Field>
        <div class="actions">
          <button type="submit" class="primary">
            Vælg borger
          </button>
        </div>
      </form>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {citizenId && (
        <div key={citizenId}>
          <div class="actions card">
            <button type="button" onClick={() => void exportAll(citizenId)} disabled={busy}>
              Hent indsigt (art. 15)
            </button>
          </div>
          <AccessLog citizenId={citizenId} />
          <EraseCitizen citizenId={citizenId} onErased={(text) => setMessage({ kind: 'success', text })} />
        </div>
      )}
    </section>
  );
}
