import { get } from '../../api';
import { Field, useLoad } from '../../ui';
import type { PartnerRow } from '../manager/Partners';

/** "Samarbejdspartner i registret" on the referral (issue 21): the referral is counted for the partner chosen. */
export function PartnerChoice({ value, onChange }: { value: string; onChange: (partnerId: string, name: string) => void }) {
  const loaded = useLoad(() => get<PartnerRow[]>('/partners'), []);
  const registered = (loaded.data ?? [])
    .filter((p): p is PartnerRow & { partnerId: string; organisation: string } => p.partnerId !== null && p.organisation !== null && !p.retired)
    .sort((a, b) => a.organisation.localeCompare(b.organisation, 'da'));
  if (registered.length === 0) return null;
  return (
    <Field label="Samarbejdspartner i registret" hint="Henvisningen tælles for samarbejdspartneren">
      {(a) => (
        <select
          {...a}
          value={value}
          onChange={(e) => {
            const partnerId = e.currentTarget.value;
            onChange(partnerId, registered.find((p) => p.partnerId === partnerId)?.organisation ?? '');
          }}
        >
          <option value="">Ikke i registret</option>
          {registered.map((p) => (
            <option key={p.partnerId} value={p.partnerId}>
              {p.organisation}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
