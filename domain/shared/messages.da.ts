/**
 * The Danish words for each business-rule refusal, shown to users as a
 * problem's `userMessage`. Codes are the stable contract; these texts may be
 * reworded freely.
 */
const MESSAGES: Readonly<Record<string, string>> = {
  consent_required: 'Borgerens samtykke skal være givet, før henvisningen kan modtages (medmindre borgeren selv henvender sig).',
  citizen_erased: 'Borgerens oplysninger er slettet; borgeren kan ikke henvises igen under samme id.',
  citizen_details_given: 'Borgeren er allerede kendt: henvis med borgerens id uden at gentage oplysningerne.',
  case_exists: 'Sagen findes allerede.',
  case_not_referred: 'Sagen er allerede visiteret.',
  case_active: 'Sagen er i gang; afslut den i stedet for at afvise henvisningen.',
  case_closed: 'Sagen er afsluttet og kan ikke ændres.',
  case_not_waiting: 'Kun en sag i ventemappen kan få booket første besøg.',
  case_not_active: 'Sagen er ikke i gang endnu: book første besøg først.',
  visitor_inactive: 'Besøgsvennen er ikke aktiv og kan ikke tage nye borgere.',
  visitor_active: 'Besøgsvennen er allerede aktiv.',
  visitor_exists: 'Besøgsvennen er allerede registreret.',
  visitor_at_capacity: 'Besøgsvennen har ingen ledige pladser.',
  professional_required:
    'Borgeren har selvmordstanker eller er visiteret til et fagligt forløb: sagen må kun varetages af en ansat eller en frivillig med faglig baggrund.',
  not_assigned_visitor: 'Kun borgerens faste besøgsven kan registrere besøg (kontinuitet). Omfordel sagen først.',
  citizen_not_notified: 'Vi ringer altid inden: en aftalt tid kan kun flyttes, når borgeren har fået besked.',
  no_such_visit: 'Der er ingen aftalt besøgstid på det tidspunkt.',
  before_referral: 'Det kan ikke være sket, før henvisningen blev modtaget. Tjek dato og klokkeslæt.',
  before_triage: 'Første besøg kan ikke være booket, før sagen blev vurderet. Tjek dato og klokkeslæt.',
  same_visitor: 'Sagen har allerede denne besøgsven.',
  task_exists: 'Opgaven findes allerede.',
  task_completed: 'Opgaven er allerede løst.',
  // Matching (issue #18)
  offer_exists: 'Tilbuddet findes allerede.',
  offer_retired: 'Tilbuddet er lukket og kan ikke ændres.',
  offer_unchanged: 'Ændringen ændrer ikke noget ved tilbuddet.',
  offer_inactive: 'Tilbuddet er lukket; borgeren kan ikke introduceres til det.',
  visitor_not_in_programme: 'Besøgsvennen er ikke med i sagens indsats.',
  not_introduced: 'Borgeren er ikke introduceret til dette tilbud endnu.',
  before_introduction: 'Udfaldet kan ikke ligge før introduktionen til tilbuddet. Tjek datoen.',
  relation_needs_joined: 'Kun et tilbud, borgeren er blevet en del af, kan registreres som en ny relation.',
  consent_already_withdrawn: 'Borgeren har allerede trukket sit samtykke tilbage.',
};

/** The Danish text for a rule's code, if there is one. */
export const danishMessage = (code: string): string | undefined => MESSAGES[code];
