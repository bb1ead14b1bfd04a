import { useState } from 'preact/hooks';
import type { Programme, ReferrerRole } from '../../../../domain/shared/codes';
import { ApiError, request } from '../../api';
import { PROGRAMME, REFERRER_ROLE } from '../../labels';
import { Field, Notice, SelectField } from '../../ui';

/** The roles a screener refers as (home care, the preventive home visits, the visitation). */
const SCREENER_ROLES: Partial<Record<ReferrerRole, string>> = {
  home_nurse: REFERRER_ROLE.home_nurse,
  home_helper: REFERRER_ROLE.home_helper,
  prevention_worker: REFERRER_ROLE.prevention_worker,
  visitator: REFERRER_ROLE.visitator,
};

/** "Henvis": the screening becomes a referral in the coordinator's waiting folder (POST /screenings/:screeningId/refer). */
export function ReferScreening({ screeningId, unit }: { screeningId: string; unit: string }) {
  const [programme, setProgramme] = useState<Programme | ''>('');
  const [address, setAddress] = useState('');
  const [referrer, setReferrer] = useState('');
  const [role, setRole] = useState<ReferrerRole | ''>('home_nurse');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [key] = useState(() => crypto.randomUUID());

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!programme) found.programme = 'Vælg hvilken indsats borgeren henvises til.';
    if (!address.trim()) found.address = 'Skriv borgerens adresse.';
    if (!referrer.trim()) found.referrer = 'Skriv dit navn.';
    if (!role) found.role = 'Vælg din rolle.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const body = { programme, address: address.trim(), referrer: { name: referrer.trim(), role, organisation: unit } };
      await request(`/screenings/${screeningId}/refer`, { method: 'POST', body, idempotencyKey: key });
      setDone(true);
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (done) return <Notice kind="success">Borgeren er henvist. Henvisningen ligger nu i koordinatorens ventemappe.</Notice>;
  return (
    <form class="card form" onSubmit={submit} noValidate>
      <h2>Henvis borgeren</h2>
      {failure && <Notice kind="error">{failure}</Notice>}
      <SelectField<Programme> label="Indsats" value={programme} onChange={setProgramme} options={PROGRAMME} empty="Vælg indsats" error={errors.programme} />
      <Field label="Borgerens adresse" error={errors.address} required>
        {(a) => <input {...a} value={address} maxLength={500} onInput={(e) => setAddress(e.currentTarget.value)} />}
      </Field>
      <Field label="Dit navn" error={errors.referrer} required>
        {(a) => <input {...a} value={referrer} maxLength={200} onInput={(e) => setReferrer(e.currentTarget.value)} />}
      </Field>
      <SelectField<ReferrerRole> label="Din rolle" value={role} onChange={setRole} options={SCREENER_ROLES as Record<ReferrerRole, string>} error={errors.role} />
      <button type="submit" class="primary" disabled={busy}>
        Henvis
      </button>
    </form>
  );
}
