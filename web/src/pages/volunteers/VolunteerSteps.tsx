import type { JSX } from 'preact';
import type { Programme } from '../../../../domain/shared/codes';
import { INTERVIEW_OUTCOME, SUPERVISION_KIND, VETTING_KIND, VETTING_RESULT, VolunteerView } from './volunteer-labels';
import { StepField, StepForm } from './StepForm';

const AT: StepField = { name: 'at', label: 'Hvornår', kind: 'datetime', hint: 'Tom: nu. Må gerne ligge tilbage i tiden.' };

/** The forms for the next steps of the volunteer's lifecycle, as their status allows (issue 20). */
export function VolunteerSteps({ v, reload }: { v: VolunteerView; reload: () => void }) {
  const path = (step: string) => `/visitors/${v.visitorId}/${step}`;
  const done = () => reload();
  const forms: JSX.Element[] = [];
  if (v.status === 'applicant') {
    forms.push(
      <StepForm key="interview" title="Samtale" submit="Registrér samtalen" path={path('interview')} onDone={done} fields={[
        AT,
        { name: 'by', label: 'Samtale holdt af', kind: 'text', required: true },
        { name: 'outcome', label: 'Udfald', kind: 'select', options: INTERVIEW_OUTCOME, required: true },
        { name: 'note', label: 'Noter fra samtalen', kind: 'textarea', hint: 'Personoplysning om den frivillige: krypteres' },
      ]} />,
      <StepForm key="approve" title="Godkend" submit="Godkend den frivillige" path={path('approve')} onDone={done} fields={[
        { name: 'programmes', label: 'Godkendt til', kind: 'programmes', required: true, initial: (v.programmes ?? []) as Programme[] },
        { name: 'provisos', label: 'Forbehold', kind: 'textarea', hint: 'Ét forbehold pr. linje, fx "Ikke hos nyligt efterladte"' },
        { name: 'capacity', label: 'Antal borgere', kind: 'number', required: true, initial: '2' },
        AT,
      ]} />,
      <StepForm key="decline" title="Afslag" submit="Giv afslag" path={path('decline')} onDone={done} fields={[{ name: 'reason', label: 'Begrundelse for afslag', kind: 'textarea', required: true }, AT]} />,
    );
  }
  if (v.status !== 'left' && v.status !== 'declined') {
    forms.push(
      <StepForm key="vetting" title="Attest" submit="Registrér attesten" path={path('vetting')} onDone={done} fields={[
        { name: 'kind', label: 'Attest', kind: 'select', options: VETTING_KIND, required: true, initial: 'straffeattest' },
        { name: 'checkedAt', label: 'Tjekket', kind: 'date', required: true },
        { name: 'expiresAt', label: 'Udløber', kind: 'date' },
        { name: 'result', label: 'Resultat', kind: 'select', options: VETTING_RESULT, required: true, initial: 'clear' },
      ]} />,
      <StepForm key="training" title="Kursus" submit="Registrér kurset" path={path('training')} onDone={done} fields={[
        { name: 'course', label: 'Kursets navn', kind: 'text', required: true, hint: 'Fx Introduktion, Samtale med mennesker i krise, Motiverende samtale' },
        { name: 'at', label: 'Gennemført', kind: 'date' },
        { name: 'expiresAt', label: 'Kursus udløber', kind: 'date' },
      ]} />,
    );
  }
  if (v.status === 'active' || v.status === 'paused') {
    forms.push(
      <StepForm key="supervision" title="Sparring" submit="Registrér sparring" path={path('supervision')} onDone={done} fields={[
        AT,
        { name: 'kind', label: 'Form', kind: 'select', options: SUPERVISION_KIND, required: true, initial: 'group' },
        { name: 'by', label: 'Sparring ved', kind: 'text', required: true },
        { name: 'note', label: 'Noter fra sparringen', kind: 'textarea', hint: 'Personoplysning om den frivillige: krypteres' },
      ]} />,
    );
  }
  if (v.status === 'active') {
    forms.push(
      <StepForm key="pause" title="Pause" submit="Sæt på pause" path={path('pause')} onDone={done} fields={[
        { name: 'from', label: 'Fra', kind: 'datetime', hint: 'Tom: nu' },
        { name: 'until', label: 'Forventet tilbage', kind: 'date' },
        { name: 'reason', label: 'Årsag til pausen', kind: 'textarea', required: true },
      ]} />,
    );
  }
  if (v.status === 'paused') forms.push(<StepForm key="resume" title="Tilbage fra pause" submit="Genoptag" path={path('resume')} onDone={done} fields={[AT]} />);
  if (v.status === 'active' || v.status === 'paused') {
    forms.push(
      <StepForm key="coordinator" title="Frivillighedstovholder" submit="Tilknyt" path={path('coordinator')} onDone={done} fields={[{ name: 'coordinatorSub', label: 'Brugernavn', kind: 'text', required: true, initial: v.coordinatorSub ?? '' }]} />,
      <StepForm key="leave" title="Stopper" submit="Registrér at den frivillige stopper" path={path('leave')} onDone={done} fields={[{ name: 'reason', label: 'Årsag til at stoppe', kind: 'textarea', required: true }, AT]} />,
    );
  }
  return <div class="volunteer-steps">{forms}</div>;
}
