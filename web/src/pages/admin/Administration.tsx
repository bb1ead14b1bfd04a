import { useState } from 'preact/hooks';
import { ApiError, get, post } from '../../api';
import { Column, Table } from '../../components/Table';
import { dateTime } from '../../format';
import { label, ROLE } from '../../labels';
import { Field, Notice } from '../../ui';

interface AccessEntry {
  at: string;
  subject: string;
  role: string;
  route: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COLUMNS: Column<AccessEntry>[] = [
  { header: 'Tidspunkt', cell: (e) => dateTime(e.at) },
  { header: 'Hvem', cell: (e) => e.subject },
  { header: 'Rolle', cell: (e) => label(ROLE, e.role) },
  { header: 'Hvad', cell: (e) => <code>{e.route}</code> },
];

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
  const [citizenId, setCitizenId] = useState('');
  const [idError, setIdError] = useState<string>();
  const [log, setLog] = useState<AccessEntry[]>();
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [sure, setSure] = useState(false);
  const [busy, setBusy] = useState(false);

  const act = async (what: (id: string) => Promise<void>) => {
    const id = citizenId.trim();
    setIdError(UUID.test(id) ? undefined : 'Skriv borgerens id (36 tegn, som det står på sagen).');
    if (!UUID.test(id)) return;
    setBusy(true);
    setMessage(undefined);
    try {
      await what(id);
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof ApiError && error.status === 404 ? 'Der findes ingen borger med det id.' : (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const showLog = () => act(async (id) => setLog((await get<AccessEntry[]>(`/citizens/${id}/access-log`)).reverse()));
  const exportAll = () => act(async (id) => (download(id, await get(`/citizens/${id}/export`)), setMessage({ kind: 'success', text: 'Indsigten er hentet som fil.' })));
  const erase = () =>
    act(async (id) => {
      await post(`/citizens/${id}/erase`, {});
      setSure(false);
      setMessage({ kind: 'success', text: 'Borgeren er slettet: alle personoplysninger vises nu som [slettet]. Statistikken er bevaret.' });
    });

  return (
    <section>
      <h1>Administration</h1>
      <p>Brugere oprettes fra kommandolinjen: <code>npm run cli -- user add --username U --role R</code>.</p>
      <div class="card form">
        <h2>Borgerens rettigheder</h2>
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
        <Field label="Borgerens id" error={idError} hint="Står på borgerens sag hos koordinatoren." required>
          {(a) => <input {...a} value={citizenId} spellcheck={false} onInput={(e) => (setCitizenId(e.currentTarget.value), setLog(undefined))} />}
        </Field>
        <div class="actions">
          <button type="button" onClick={showLog} disabled={busy}>
            Vis adgangslog
          </button>
          <button type="button" onClick={exportAll} disabled={busy}>
            Hent indsigt (art. 15)
          </button>
        </div>
        <details>
          <summary>Slet borgeren</summary>
          <p>Borgerens nøgle destrueres: navn, adresse, CPR og alle fritekster kan aldrig læses igen. Det kan ikke fortrydes.</p>
          <label class="check">
            <input type="checkbox" checked={sure} onChange={(e) => setSure(e.currentTarget.checked)} />
            Jeg har kontrolleret, at borgeren skal slettes
          </label>
          <button type="button" class="danger" onClick={erase} disabled={busy || !sure}>
            Slet borgeren
          </button>
        </details>
      </div>
      {log && (
        <>
          <h2>Adgangslog, nyeste først</h2>
          <Table rows={log} columns={COLUMNS} rowKey={(e) => `${e.at}|${e.subject}|${e.route}`} empty="Ingen har læst borgerens oplysninger." />
        </>
      )}
    </section>
  );
}
