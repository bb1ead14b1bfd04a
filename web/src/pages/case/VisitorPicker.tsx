import type { Programme, Track } from '../../../../domain/shared/codes';
import { get } from '../../api';
import { label, VISITOR_KIND } from '../../labels';
import { Field, useLoad } from '../../ui';
import { fits, VisitorRow } from './case-view';

/** The visitors who fit the case: free places, and a professional background when the track asks for one. */
export function VisitorPicker({ track, programme, value, onChange, error, exclude }: { track?: Track | undefined; programme?: Programme | undefined; value: string; onChange: (id: string) => void; error?: string | undefined; exclude?: string | undefined }) {
  // Only those who serve the case's programme (issue #18): booking anyone else is refused.
  const loaded = useLoad(() => get<VisitorRow[]>(`/visitors?available=true${programme ? `&programme=${programme}` : ''}`), [programme]);
  const visitors = (loaded.data ?? []).filter((v) => fits(track, v.kind) && v.visitorId !== exclude);
  return (
    <Field
      label="Besøgsven"
      error={error ?? loaded.error?.message}
      hint={track === 'professional' ? 'Kun ansatte og frivillige med faglig baggrund vises (fagligt spor).' : 'Kun besøgsvenner med ledige pladser vises.'}
      required
    >
      {(a) => (
        <select {...a} value={value} onChange={(e) => onChange(e.currentTarget.value)} disabled={loaded.loading && !loaded.data}>
          <option value="">{loaded.data && visitors.length === 0 ? 'Ingen ledige besøgsvenner passer' : 'Vælg besøgsven'}</option>
          {visitors.map((v) => (
            <option key={v.visitorId} value={v.visitorId}>
              {v.name} ({label(VISITOR_KIND, v.kind).toLowerCase()}, {v.freePlaces} {v.freePlaces === 1 ? 'ledig plads' : 'ledige pladser'})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
