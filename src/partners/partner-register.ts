import { Inject, Injectable } from '@nestjs/common';
import { partnerStreamId } from '../../domain/shared/ids';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';

/**
 * Whether a partner is in the register, for a referral naming
 * `referrer.partnerId` (409 partner_unknown otherwise). Read from the
 * partner's own stream, not the register's read model: a partner registered a
 * moment ago, by this process or another, is known at once.
 */
@Injectable()
export class PartnerRegister {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async known(partnerId: string): Promise<boolean> {
    return (await this.store.readStream(partnerStreamId(partnerId.toLowerCase()))).some((event) => event.type === 'PartnerRegistered');
  }
}
