import type { Programme } from '../../domain/shared/codes';
import type { CardChannel, CardCitizen, CardSender, IntakeEvent } from '../../domain/intake/intake.events';
import type { CardStatus } from '../../domain/intake/intake.stream';
import { streamCategory, streamEntityId } from '../../domain/shared/ids';
import type { DocumentView, ProjectedEvent, Projection } from '../shared/projection';
import { INTAKE_LABELS } from './labels.da';

/** One referral card in the coordinator's inbox; personal fields copied sealed from the events (the answer opens them). */
export interface ReferralCardDoc {
  cardId: string;
  receipt: string;
  status: CardStatus;
  channel: CardChannel;
  programme?: Programme;
  partnerCode?: string;
  partnerId?: string;
  citizen: CardCitizen;
  sender?: CardSender;
  message: string;
  submittedAt: string;
  /** Set once decided. */
  decidedAt?: string;
  caseId?: string;
  citizenId?: string;
  knownCitizen?: boolean;
  reason?: string;
  history: Array<{ at: string; label: string }>;
}

const cardKey = (cardId: string): string => `card:${cardId}`;

export const referralCardsProjection: Projection<ReferralCardDoc> = {
  name: 'referral-cards',
  version: 1,
  eventTypes: new Set<IntakeEvent['type']>(['ReferralCardSubmitted', 'ReferralCardAccepted', 'ReferralCardRejected']),
  keysRead: (stored) => (streamCategory(stored.streamId) === 'intake' ? [cardKey(streamEntityId(stored.streamId))] : []),
  apply(stored: ProjectedEvent, view: DocumentView<ReferralCardDoc>): void {
    if (streamCategory(stored.streamId) !== 'intake') return;
    const key = cardKey(streamEntityId(stored.streamId));
    const event = { type: stored.type, data: stored.data } as IntakeEvent;
    const step = { at: stored.metadata.occurredAt, label: INTAKE_LABELS[event.type] };
    if (event.type === 'ReferralCardSubmitted') {
      const { cardId, receipt, channel, programme, partnerCode, partnerId, citizen, sender, message, submittedAt } = event.data;
      return view.put(key, {
        cardId,
        receipt,
        status: 'new',
        channel,
        ...(programme !== undefined && { programme }),
        ...(partnerCode !== undefined && { partnerCode }),
        ...(partnerId !== undefined && { partnerId }),
        citizen,
        ...(sender !== undefined && { sender }),
        message,
        submittedAt,
        history: [{ at: submittedAt, label: step.label }],
      });
    }
    const doc = view.get(key);
    if (!doc) return;
    if (event.type === 'ReferralCardAccepted') {
      Object.assign(doc, { status: 'accepted', decidedAt: event.data.at, caseId: event.data.caseId, citizenId: event.data.citizenId, knownCitizen: event.data.knownCitizen });
    } else {
      Object.assign(doc, { status: 'rejected', decidedAt: event.data.at, reason: event.data.reason });
    }
    doc.history.push({ at: event.data.at, label: step.label });
    view.put(key, doc);
  },
};

/** The inbox: cards of one status (all without), oldest first, as they came in. */
export function referralCards(docs: readonly ReferralCardDoc[], status?: CardStatus): ReferralCardDoc[] {
  return docs.filter((doc) => status === undefined || doc.status === status).sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || a.cardId.localeCompare(b.cardId));
}

/** For the waiting folder: how many cards wait for a coordinator. */
export const newCardCount = (docs: readonly ReferralCardDoc[]): number => docs.filter((doc) => doc.status === 'new').length;
