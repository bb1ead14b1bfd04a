import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { VISITOR_KINDS } from '../../domain/shared/codes';
import type { VisitorKind } from '../../domain/shared/codes';
import { Optional, TEXT } from '../http/validators';
import { HumanText } from '../http/human-text';

export class RegisterVisitorDto {
  @ApiProperty({ example: 'Birthe Madsen' }) @HumanText('line', TEXT.name) name!: string;
  @ApiProperty({ enum: VISITOR_KINDS, description: 'volunteer, volunteer_professional (frivillig med faglig baggrund) or employee (ansat)' })
  @IsIn(VISITOR_KINDS)
  kind!: VisitorKind;
  @ApiProperty({ minimum: 1, maximum: 50, description: 'How many active cases the visitor can take' }) @IsInt() @Min(1) @Max(50) capacity!: number;
  @ApiPropertyOptional({ example: '+4540506070', description: 'Printed on the visit card' })
  @Optional()
  @IsString()
  @Matches(/^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/, { message: 'phone must be a Danish phone number: +45 and 8 digits' })
  phone?: string;
}

const PHONE_PATTERN = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;

export class ChangeVisitorCapacityDto {
  @ApiProperty({ minimum: 1, maximum: 50, description: 'How many active cases the visitor can take; may be below the cases they have (they keep those and take no new one)' })
  @IsInt()
  @Min(1)
  @Max(50)
  capacity!: number;
}

export class DeactivateVisitorDto {
  @ApiProperty({ example: 'Holder pause til efteråret', description: 'Why the visitor takes no new cases (a break, or leaving): staff data, kept in clear' })
  @HumanText('lines', TEXT.reason)
  reason!: string;
}

export class ReactivateVisitorDto {
  @ApiPropertyOptional({ example: 'Tilbage efter sommerferien', description: 'Why the visitor takes cases again: staff data, kept in clear' })
  @Optional()
  @HumanText('lines', TEXT.reason)
  reason?: string;
}

export class ChangeVisitorDetailsDto {
  @ApiPropertyOptional({ example: 'Birthe Madsen' }) @Optional() @HumanText('line', TEXT.name) name?: string;
  @ApiPropertyOptional({ example: '+4540506070', description: 'Printed on the visit cards booked from now on' })
  @Optional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be a Danish phone number: +45 and 8 digits' })
  phone?: string;
}
