import { randomInt, randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpException, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { CommandMeta } from '../event-store/command-handler';
import { createValidationPipe } from '../http/validation';
import { Public } from '../privacy/policy';
import { CardRateLimit } from './card-rate-limit';
import { ReferralCardCommands } from './referral-card-commands';
import { SubmitReferralCardDto } from './referral-card.dto';

/** The route, for the body limit (card-body-limit.ts) and the docs. */
export const PUBLIC_CARD_ROUTE = '/referral-cards';
export const DEFAULT_CARDS_PER_HOUR = 10;
const HOUR_MS = 60 * 60_000;

/** Unambiguous on the phone: no 0/O, 1/I, 2/Z, 5/S, 6/G, 8/B. */
const RECEIPT_ALPHABET = 'ACDEFHJKLMNPQRTUVWXY3479';
export const newReceipt = (): string => {
  const pick = () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)]!;
  return `${pick()}${pick()}${pick()}-${pick()}${pick()}${pick()}`;
};

/**
 * POST /referral-cards: the public form /henvis, on the open internet, with no
 * token (`@Public()`, the one way a route opts out of the guard; the others
 * are /health and POST /auth/login). In order: the rate limit per client
 * address (429, Retry-After), the honeypot `website` (filled: 202 with a
 * receipt, nothing stored), the body's validation (400, Danish messages by
 * each field), then the card's decider. The body is read only up to 16 kB
 * (413, card-body-limit.ts). The answer is a receipt whatever the citizen: it
 * never tells whether the service knows them. Nothing of the body is logged
 * (the request log has method, route and status only).
 */
@ApiTags('referral cards')
@Controller('referral-cards')
export class PublicReferralCardController {
  private readonly limit: CardRateLimit;
  private readonly validation = createValidationPipe();

  constructor(
    private readonly cards: ReferralCardCommands,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limit = new CardRateLimit(config.referralCardRateLimit ?? DEFAULT_CARDS_PER_HOUR, HOUR_MS);
  }

  @Public()
  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'A referral card from the public form /henvis: the citizen, a relative or a partner\'s staff; no token. Answers a receipt to quote on the phone.',
    description: 'Henvisningskort fra /henvis: "Borgere kan også selv række ud". Kvitteringen er en kort reference, man kan oplyse i telefonen.',
  })
  @ApiBody({ type: SubmitReferralCardDto })
  @ApiAcceptedResponse({ description: '{ receipt }' })
  async submit(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ receipt: string }> {
    const wait = this.limit.take(request.ip);
    if (wait > 0) {
      void reply.header('retry-after', String(Math.ceil(wait / 1000)));
      throw new HttpException('Too many referral cards from this address; try again later', 429);
    }
    void reply.header('cache-control', 'no-store');
    const receipt = newReceipt();
    if (isObject(body) && typeof body.website === 'string' && body.website !== '') return { receipt };
    const dto = (await this.validation.transform(body, { type: 'body', metatype: SubmitReferralCardDto })) as SubmitReferralCardDto;
    const cardId = randomUUID();
    const { citizen, sender } = dto;
    const meta: CommandMeta = { actor: { id: 'henvis', role: 'system' }, commandId: cardId, correlationId: cardId };
    await this.cards.submit(
      {
        type: 'SubmitReferralCard',
        data: {
          cardId,
          receipt,
          channel: dto.channel,
          ...(dto.partnerCode !== undefined && { partnerCode: dto.partnerCode.replace(/[\s-]/g, '').toUpperCase() }),
          ...(dto.programme !== undefined && { programme: dto.programme }),
          citizen: { name: citizen.name, phone: citizen.phone, ...(citizen.address !== undefined && { address: citizen.address }), ...(citizen.postcode !== undefined && { postcode: citizen.postcode }) },
          ...(sender && { sender: { name: sender.name, ...(sender.phone !== undefined && { phone: sender.phone }), ...(sender.organisation !== undefined && { organisation: sender.organisation }) } }),
          message: dto.message,
          consent: dto.consent,
        },
      },
      meta,
    );
    return { receipt };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
