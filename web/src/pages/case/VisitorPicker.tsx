import type { Programme, Track } from '../../../../domain/shared/codes';
import { helperWord, HelperWord } from '../../../../domain/shared/helper-words';
import { get } from '../../api';
import { label, VISITOR_KIND } from '../../labels';
import { Field, Notice, useLoad } from '../../ui';
import { fits, VisitorRow } from './case-view';

/**
 * The visitors who fit the case: active, with a free place, and with a professional background when the track asks for one;
 * named as the case's programme names its helper.
 */
export function VisitorPicker({ programme, track, value, onChange, error, exclude }: { programme: Programme; track?: Track | undefined; value: string; onChange: (id: string) => void; error?: string | undefined; exclude?: string | undefined }) {
  // Only those who serve the case's programme (issue #18): booking anyone else is refused.
  const loaded = useLoad(() => get<Array<VisitorRow & { provisos?: string[] }>>(`/visitors?available=true&programme=${programme}`), [programme]);
  const visitors = (loaded.data ?? []).filter((v) => fits(track, v.kind) && v.visitorId !== exclude);
  // Issue 20: the provisos of the volunteer's approval are shown when they are chosen.
  const provisos = visitors.find((v) => v.visitorId === value)?.provisos ?? [];
  return (
    <>
    <Field
      label={HelperWord(programme)}
      error={error ?? loaded.error?.message}
      hint={track === 'professional' ? 'Kun aktive ansatte og frivillige med faglig baggrund med ledige pladser vises (fagligt spor).' : `Kun aktive ${helperWord(programme, 'plural')} med ledige pladser vises.`}
      required
    >
      {(a) => (
        <select {...a} value={value} onChange={(e) => onChange(e.currentTarget.value)} disabled={loaded.loading && !loaded.data}>
          <option value="">{loaded.data && visitors.length === 0 ? `Ingen ledige ${helperWord(programme, 'plural')} passer` : `Vælg ${helperWord(programme)}`}</option>
          {visitors.map((v) => (
            <option key={v.visitorId} value={v.visitorId}>
              {v.name} ({label(VISITOR_KIND, v.kind).toLowerCase()}, {v.freePlaces} {v.freePlaces === 1 ? 'ledig plads' : 'ledige pladser'})
            </option>
          ))}
        </select>
      )}
    </Field>
    {provisos.length > 0 && <Notice kind="info">Forbehold: {provisos.join('; ')}</Notice>}
    </>
  );
}
