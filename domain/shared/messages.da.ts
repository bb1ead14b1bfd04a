/**
 * The Danish words for each business-rule refusal, shown to users as a
 * problem's `userMessage`. Codes are the stable contract; these texts may be
 * reworded freely.
 */
import { HelperWord, helperWord } from './helper-words';

type Details = Readonly<Record<string, string | number | readonly string[]>> | undefined;

/** The helper as the case's programme names them (the refusal's `programme`), or the registry's neutral words. */
const helper = (d: Details) => HelperWord(typeof d?.programme === 'string' ? d.programme : undefined, 'definite');

const MESSAGES: Readonly<Record<string, string | ((details: Details) => string)>> = {
  consent_required: 'Borgerens samtykke skal være givet, før henvisningen kan modtages (medmindre borgeren selv henvender sig).',
  citizen_erased: 'Borgerens oplysninger er slettet; borgeren kan ikke henvises igen under samme id.',
  citizen_details_given: 'Borgeren er allerede kendt: henvis med borgerens id uden at gentage oplysningerne.',
  case_exists: 'Sagen findes allerede.',
  case_not_referred: 'Sagen er allerede vurderet.',
  case_active: 'Sagen er i gang; afslut den i stedet for at afvise henvisningen.',
  case_closed: 'Sagen er afsluttet og kan ikke ændres.',
  case_not_waiting: 'Kun en sag i ventemappen kan få booket første besøg.',
  case_not_active: 'Sagen er ikke i gang endnu: book første besøg først.',
  visitor_inactive: (d) => `${helper(d)} er ikke aktiv og kan ikke tage nye borgere.`,
  visitor_active: 'Den frivillige eller ansatte er allerede aktiv.',
  visitor_exists: (d) =>
    d?.name ? `${d.name} er allerede registreret med samme navn og telefonnummer og er aktiv.` : 'Den frivillige eller ansatte er allerede registreret.',
  visitor_unchanged: 'Navn og telefonnummer er de samme som før; intet er ændret.',
  visitor_at_capacity: (d) => `${helper(d)} har ingen ledige pladser.`,
  professional_required:
    'Borgeren har selvmordstanker eller er vurderet til fagligt spor: sagen må kun varetages af en ansat eller en frivillig med faglig baggrund.',
  not_assigned_visitor: (d) => `Kun borgerens faste ${helperWord(typeof d?.programme === 'string' ? d.programme : undefined)} kan registrere besøg (kontinuitet). Omfordel sagen først.`,
  citizen_not_notified: 'Vi ringer altid inden: en aftalt tid kan kun flyttes, aflyses fra vores side eller aftales, når borgeren har fået besked.',
  no_such_visit: 'Der er ingen aftalt besøgstid på det tidspunkt.',
  before_referral: 'Det kan ikke være sket, før henvisningen blev modtaget. Tjek dato og klokkeslæt.',
  before_triage: 'Første besøg kan ikke være booket, før sagen blev vurderet. Tjek dato og klokkeslæt.',
  same_visitor: (d) => `Sagen har allerede denne ${helperWord(typeof d?.programme === 'string' ? d.programme : undefined)}.`,
  task_exists: 'Opgaven findes allerede.',
  programme_settings_unchanged: 'Ordningen har allerede disse indstillinger; intet er ændret.',
  task_completed: 'Opgaven er allerede løst.',
  visit_already_agreed: 'Der er allerede aftalt et næste besøg: flyt det i stedet.',
  slot_unchanged: 'Den faste besøgstid er allerede aftalt.',
  case_paused: 'Besøgene er sat på pause (fx indlæggelse eller ferie): genoptag sagen først.',
  case_not_paused: 'Sagen er ikke sat på pause.',
  case_not_triaged: 'Henvisningen skal vurderes, før besøgene kan sættes på pause.',
  referral_unchanged: 'Rettelsen ændrer ikke noget: henvisningen står allerede sådan.',
  flag_risk_instead: 'Sagen er vurderet: registrér risikoen, så sagen kommer på det rette spor.',
  citizen_details_elsewhere: 'Borgerens oplysninger står på den sag, hvor borgeren først blev henvist: ret dem dér.',
  cpr_name_mismatch: 'CPR-nummeret tilhører en kendt borger med et andet navn. Tjek CPR-nummer og navn.',
  // Matching (issue #18)
  offer_exists: 'Tilbuddet findes allerede.',
  offer_retired: 'Tilbuddet er lukket og kan ikke ændres.',
  offer_unchanged: 'Ændringen ændrer ikke noget ved tilbuddet.',
  offer_inactive: 'Tilbuddet er lukket; borgeren kan ikke introduceres til det.',
  visitor_not_in_programme: 'Den frivillige eller ansatte er ikke med i sagens ordning: vælg en, hvis profil nævner den.',
  not_introduced: 'Borgeren er ikke introduceret til dette tilbud endnu.',
  before_introduction: 'Udfaldet kan ikke ligge før introduktionen til tilbuddet. Tjek datoen.',
  relation_needs_joined: 'Kun et tilbud, borgeren er blevet en del af, kan registreres som en ny relation.',
  consent_already_withdrawn: 'Borgeren har allerede trukket sit samtykke tilbage.',
  // Issue 21: the partner register.
  partner_unknown: 'Samarbejdspartneren findes ikke i registret. Vælg en fra listen, eller skriv organisationen som tekst.',
  card_exists: 'Henvisningskortet findes allerede.',
  card_decided: 'Henvisningskortet er allerede taget ind eller afvist.',
  partner_exists: 'Samarbejdspartneren findes allerede.',
  partner_retired: 'Samarbejdspartneren er udgået af registret og kan ikke ændres.',
  partner_unchanged: 'Oplysningerne er de samme som før; intet er ændret.',
  alias_exists: 'Navnet er allerede knyttet til denne samarbejdspartner.',
  alias_linked_elsewhere: (d) => (d?.name ? `Navnet er allerede knyttet til ${d.name}.` : 'Navnet er allerede knyttet til en anden samarbejdspartner.'),
  // The course of a case (issue #19).
  relative_exists: 'Den pårørende er allerede tilføjet.',
  unknown_relative: 'En af deltagerne er ikke registreret som pårørende på sagen. Tilføj den pårørende først.',
  appointment_exists: 'Mødet er allerede registreret på sagen.',
  appointment_cancelled: 'Mødet er aflyst.',
  appointment_accompanied: 'Mødet er allerede registreret som gennemført med ledsagelse.',
  no_relative_recorded: 'Aftalen nævner en pårørende, men der er ingen pårørende på sagen. Tilføj den pårørende først.',
  // After the end (issue #19).
  no_relation_recorded: 'Der er ikke registreret nogen relation på sagen: registrér relationen, før sagen afsluttes med "relation etableret".',
  case_not_closed: 'Opfølgningen kommer efter afslutningen: sagen er stadig åben.',
  follow_up_held: 'Opfølgningen er allerede registreret.',
  before_closure: 'Opfølgningen kan ikke være sket, før sagen blev afsluttet. Tjek dato og klokkeslæt.',
  triage_first: 'Henvisningen er ikke vurderet endnu: vurdér den i stedet.',
  coordinator_assesses: 'I denne ordning er det koordinatoren, der vurderer sagen på ny.',
  first_meeting_pending: (d) => `${helper(d)} vurderer sagen efter det første møde: registrér mødet først.`,
  // The volunteer's lifecycle (issue 20).
  visitor_not_approved: (d) => `${d?.programme ? helper(d) : 'Den frivillige'} er ikke godkendt: samtale og godkendelse kommer før den første borger.`,
  vetting_required: (d) => `${d?.programme ? helper(d) : 'Den frivillige'} mangler en gyldig ${Array.isArray(d?.missing) && d.missing.length > 0 ? d.missing.join(' og ') : 'attest'}, som ordningen kræver.`,
  visitor_has_cases: (d) => `Den frivillige har stadig ${Array.isArray(d?.caseIds) ? d.caseIds.length : 'åbne'} sager: omfordel dem først.`,
  visitor_not_applicant: 'Den frivillige er ikke ansøger: samtale, godkendelse og afslag hører til ansøgningen.',
  interview_required: 'Hold samtalen med den frivillige, før vedkommende godkendes.',
  before_application: 'Tidspunktet ligger før ansøgningen (eller det, det følger efter). Tjek dato og klokkeslæt.',
  visitor_left: 'Den frivillige er stoppet.',
  visitor_paused: 'Den frivillige holder allerede pause.',
  visitor_not_paused: 'Den frivillige holder ikke pause.',
  visitor_not_left: 'En frivillig slettes, når vedkommende er stoppet (eller har fået afslag).',
  visitor_erased: 'Den frivilliges oplysninger er slettet.',
  coordinator_unchanged: 'Den frivillige har allerede denne kontaktperson.',
};

/** The Danish text for a rule's code, if there is one. */
export const danishMessage = (code: string, details?: Details): string | undefined => {
  const message = MESSAGES[code];
  return typeof message === 'function' ? message(details) : message;
};
