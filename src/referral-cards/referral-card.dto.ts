import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, Equals, IsArray, IsDefined, IsIn, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CARD_CHANNELS } from '../../domain/intake/intake.events';
import type { CardChannel } from '../../domain/intake/intake.events';
import { NEEDS, PROGRAMMES, REFERRER_ROLES } from '../../domain/shared/codes';
import type { Need, Programme, ReferrerRole } from '../../domain/shared/codes';
import { HumanText } from '../http/human-text';
import { Optional, TEXT } from '../http/validators';
import { SituationDto } from '../cases/receive-referral.dto';

/** Danish messages: the person filling in /henvis reads them (the web form shows them by the field). */
const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;
const PHONE_DA = 'Skriv et dansk telefonnummer med 8 cifre.';
const NAME_DA = 'Skriv et navn (højst 200 tegn).';

export class CardCitizenDto {
  @ApiProperty({ example: 'Frida Holm' }) @HumanText('line', TEXT.name, { message: NAME_DA }) name!: string;
  @ApiProperty({ example: '+4520304050' }) @IsString({ message: PHONE_DA }) @Matches(PHONE, { message: PHONE_DA }) phone!: string;
  @ApiPropertyOptional({ example: 'Algade 12, 2. th' }) @Optional() @HumanText('line', TEXT.short, { message: 'Skriv adressen på én linje (højst 500 tegn).' }) address?: string;
  @ApiPropertyOptional({ example: '4180' }) @Optional() @IsString({ message: 'Postnummeret er 4 cifre.' }) @Matches(/^\d{4}$/, { message: 'Postnummeret er 4 cifre.' }) postcode?: string;
}

export class CardSenderDto {
  @ApiProperty({ example: 'Inge Holm' }) @HumanText('line', TEXT.name, { message: NAME_DA }) name!: string;
  @ApiPropertyOptional({ example: '+4540506070' }) @Optional() @IsString({ message: PHONE_DA }) @Matches(PHONE, { message: PHONE_DA }) phone?: string;
  @ApiPropertyOptional({ example: 'Center for Sundhed' }) @Optional() @HumanText('line', TEXT.name, { message: 'Skriv arbejdsstedet på én linje (højst 200 tegn).' }) organisation?: string;
}

/** POST /referral-cards: the public form /henvis. No token; unknown fields refused; `website` is the honeypot. */
export class SubmitReferralCardDto {
  @ApiProperty({ enum: CARD_CHANNELS, description: 'self: the citizen; relative; partner: someone at a partner' })
  @IsIn(CARD_CHANNELS, { message: 'Vælg, hvem der henviser: borgeren selv, en pårørende eller en samarbejdspartner.' })
  channel!: CardChannel;
  @ApiPropertyOptional({ example: '1B9D6BCD', description: "The partner's code from its printed card" })
  @Optional()
  @IsString({ message: 'Koden fra kortet er 8 tegn (0-9, A-F).' })
  @Matches(/^\s*[0-9A-Fa-f]{4}[\s-]?[0-9A-Fa-f]{4}\s*$/, { message: 'Koden fra kortet er 8 tegn (0-9, A-F).' })
  partnerCode?: string;
  @ApiPropertyOptional({ enum: PROGRAMMES }) @Optional() @IsIn(PROGRAMMES, { message: 'Vælg et af tilbuddene.' }) programme?: Programme;
  @ApiProperty({ type: CardCitizenDto })
  @IsDefined({ message: 'Skriv, hvem henvisningen gælder.' })
  @ValidateNested()
  @Type(() => CardCitizenDto)
  citizen!: CardCitizenDto;
  @ApiPropertyOptional({ type: CardSenderDto, description: 'Who sends it, unless the citizen does' }) @Optional() @ValidateNested() @Type(() => CardSenderDto) sender?: CardSenderDto;
  @ApiProperty({ example: 'Min datter har været syg længe og kommer ikke ud.' })
  @HumanText('lines', TEXT.reason, { message: 'Skriv kort, hvorfor I henvender jer (højst 2000 tegn).' })
  message!: string;
  @ApiProperty({ enum: [true], description: 'The citizen has said yes to being contacted' })
  @Equals(true, { message: 'Borgeren skal have sagt ja til at blive kontaktet: sæt kryds ved samtykke.' })
  consent!: true;
  @ApiProperty({ example: '', description: 'Leave empty (a field people do not see; a filled one is answered 202 and dropped)' })
  @IsString({ message: 'Feltet skal være tomt.' })
  @MaxLength(2000, { message: 'Feltet skal være tomt.' })
  website!: string;
}

/** POST /referral-cards/:cardId/accept: the card becomes a case through the ordinary ReceiveReferral. */
export class AcceptReferralCardDto {
  @ApiProperty({ enum: PROGRAMMES }) @IsIn(PROGRAMMES) programme!: Programme;
  @ApiPropertyOptional({ description: 'A citizen already known (GET /citizens): the case joins them' }) @Optional() @IsUUID('all') citizenId?: string;
  @ApiPropertyOptional({ example: '010345-1234', description: 'From the phone call: a known CPR number joins that citizen' })
  @Optional()
  @IsString()
  @Matches(/^\d{6}-\d{4}$/, { message: 'cpr must be DDMMYY-SSSS' })
  cpr?: string;
  @ApiPropertyOptional({ example: 'Algade 12, 4180 Sorø', description: "Required when the card has no address" }) @Optional() @HumanText('line', TEXT.short) address?: string;
  @ApiPropertyOptional({ enum: REFERRER_ROLES, description: "For a partner's card: the sender's role (default other)" }) @Optional() @IsIn(REFERRER_ROLES) referrerRole?: ReferrerRole;
  @ApiPropertyOptional({ type: SituationDto, description: "Default: the card's message as the social situation" }) @Optional() @ValidateNested() @Type(() => SituationDto) situation?: SituationDto;
  @ApiPropertyOptional({ enum: NEEDS, isArray: true }) @Optional() @IsArray() @ArrayMaxSize(NEEDS.length) @ArrayUnique() @IsIn(NEEDS, { each: true }) needs?: Need[];
}

export class RejectReferralCardDto {
  @ApiProperty({ example: 'Dobbelt: borgeren ringede selv i går' }) @HumanText('lines', TEXT.reason) reason!: string;
}
