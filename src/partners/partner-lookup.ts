import { isRegistered, PartnersDoc } from '../../projections/partners/partner-docs';
import { partnersProjection } from '../../projections/partners/partners';
import { ReadModelsService } from '../read-models/read-models.service';

/** What a partner command asks the register before deciding. */
export class PartnerLookup {
  constructor(private readonly readModels: ReadModelsService) {}

  /** The registered partner an organisation (normalised) is linked to, if any; the register caught up first. */
  async aliasOwner(organisation: string): Promise<{ aliasOwner?: { partnerId: string; name: string } }> {
    if (!(await this.readModels.caughtUp(partnersProjection.name))) throw new Error('the partners read model is behind: cannot tell whether the organisation is linked already');
    const docs = (await this.readModels.models.list(partnersProjection.name, 'registered:')) as PartnersDoc[];
    const owner = docs.find((doc) => isRegistered(doc) && doc.aliases.includes(organisation));
    return owner && isRegistered(owner) ? { aliasOwner: { partnerId: owner.partnerId, name: owner.name } } : {};
  }
}
