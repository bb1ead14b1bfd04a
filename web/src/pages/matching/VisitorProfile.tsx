import { useState } from 'preact/hooks';
import type { Gender, Interest, Language } from '../../../../domain/matching/matching.codes';
import type { Programme } from '../../../../domain/shared/codes';
import { ApiError, get, request } from '../../api';
import { PROGRAMME } from '../../labels';
import { GENDER, INTEREST, LANGUAGE, Profile } from '../../matching';
import { Checkboxes, Field, Link, LoadState, Notice, SelectField, useLoad } from '../../ui';
import { SpansField, spanError } from './SpansField';

interface ProfileAnswer {
  visitorId: string;
  name: string;
  active: boolean;
  profile: Profile | null;
}

/** A visitor's profile: what the coordinator matches on. The coordinator edits anyone's; a visitor their own ("Min profil"). */
export function VisitorProfile({ visitorId, own }: { visitorId: string; own: boolean }) {
  const loaded = useLoad(() => get<ProfileAnswer>(`/visitors/${visitorId}/profile`), [visitorId]);
  return (
    <section>
      {!own && (
        <p>
          <Link href="/app/besoegsvenner">← Frivillige og ansatte</Link>
        </p>
      )}
      <LoadState loaded={loaded}>{() => <ProfileForm key={JSON.stringify(loaded.data!.profile)} answer={loaded.data!} own={own} done={loaded.reload} />}</LoadState>
    </section>
  );
}

function ProfileForm({ answer, own, done }: { answer: ProfileAnswer; own: boolean; done: () => void }) {
  const p = answer.profile;
  const [programmes, setProgrammes] = useState<Programme[]>(p?.programmes ?? []);
  const [interests, setInterests] = useState<Interest[]>(p?.interests ?? []);
  const [languages, setLanguages] = useState<Language[]>(p?.languages ?? ['da']);
  const [postcodes, setPostcodes] = useState((p?.postcodes ?? []).join(', '));
  const [availability, setAvailability] = useState(p?.availability ?? []);
  const [gender, setGender] = useState<Gender | ''>(p?.gender ?? '');
  const [birthYear, setBirthYear] = useState(p?.birthYear ? String(p.birthYear) : '');
  const [note, setNote] = useState(p?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const submit = async (event: Event) => {
    event.preventDefault();
    const codes = postcodes.split(/[\s,]+/).filter(Boolean);
    const year = Number(birthYear);
    const found = {
      ...(programmes.length === 0 && { programmes: 'Vælg mindst én indsats.' }),
      ...(codes.some((c) => !/^[1-9]\d{3}$/.test(c)) && { postcodes: 'Skriv postnumre med fire cifre, adskilt med komma.' }),
      ...(birthYear && !(Number.isInteger(year) && year > 1900 && year < 2020) && { birthYear: 'Skriv et årstal, fx 1956.' }),
      ...(spanError(availability) && { availability: spanError(availability)! }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await request(`/visitors/${answer.visitorId}/profile`, {
        method: 'POST',
        body: { programmes, interests, languages, postcodes: [...new Set(codes)], availability, ...(gender && { gender }), ...(birthYear && { birthYear: year }), ...(note.trim() && { note: note.trim() }) },
      });
      setMessage({ kind: 'success', text: 'Profilen er gemt.' });
      done();
    } catch (error) {
      setMessage({ kind: 'error', text: (error as ApiError).message });
    }
  };
  return (
    <form class="card form" onSubmit={submit} noValidate>
      <h1>{own ? 'Min profil' : `Profil: ${answer.name}`}</h1>
      {!p && <Notice kind="info">Ingen profil endnu: den frivillige eller ansatte kan bookes i alle ordninger, indtil profilen siger andet.</Notice>}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <Checkboxes legend="Indsatser" options={PROGRAMME} value={programmes} onChange={setProgrammes} error={errors.programmes} />
      <Checkboxes legend="Interesser" options={INTEREST} value={interests} onChange={setInterests} />
      <Checkboxes legend="Sprog" options={LANGUAGE} value={languages} onChange={setLanguages} />
      <Field label="Postnumre, hvor den frivillige eller ansatte kommer" hint="Adskil med komma, fx 4180, 4190" error={errors.postcodes}>
        {(a) => <input {...a} value={postcodes} onInput={(e) => setPostcodes(e.currentTarget.value)} />}
      </Field>
      <SpansField legend="Hvornår den frivillige eller ansatte kan" value={availability} onChange={setAvailability} error={errors.availability} />
      <SelectField label="Køn" value={gender} onChange={setGender} options={GENDER} empty="Ikke oplyst" />
      <Field label="Fødselsår" error={errors.birthYear}>
        {(a) => <input {...a} inputMode="numeric" maxLength={4} value={birthYear} onInput={(e) => setBirthYear(e.currentTarget.value)} />}
      </Field>
      <Field label="Note">{(a) => <textarea {...a} rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}</Field>
      <button type="submit" class="primary">
        Gem profil
      </button>
    </form>
  );
}
