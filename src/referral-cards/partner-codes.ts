import { partnerCodeOf, readPartnerCode } from '../../domain/intake/partner-code';
import { isRegistered, PartnersDoc } from '../../projections/partners/partner-docs';
import { partnersProjection } from '../../projections/partners/partners';
import { ReadModelsService } from '../read-models/read-models.service';

/**
 * Which registered partner a card's code names: an active one whose id starts
 * with it. Read from the register as it stands (a public request does not wait
 * for it); a code that names nobody leaves the card uncounted, not refused.
 */
export class PartnerCodes {
  constructor(private readonly readModels: ReadModelsService) {}

  async partnerOf(raw: string): Promise<string | undefined> {
    const code = readPartnerCode(raw);
    if (code === undefined) return undefined;
    const docs = (await this.readModels.models.list(partnersProjection.name, 'registered:')) as PartnersDoc[];
    return docs.filter(isRegistered).find((doc) => !doc.retired && partnerCodeOf(doc.partnerId) === code)?.partnerId;
  }
}
