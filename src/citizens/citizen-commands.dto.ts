import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HumanText } from '../http/human-text';
import { IsInstant, Optional } from '../http/validators';

export class WithdrawConsentDto {
  @ApiProperty({ example: '2026-05-01T10:00:00+02:00', description: 'When the citizen withdrew consent' }) @IsInstant() at!: string;
}

export class EraseCitizenDto {
  @ApiPropertyOptional({ description: 'Why, for the person erasing; not stored (an erasure writes no new words about the person)' })
  @Optional()
  @HumanText('lines', 500)
  reason?: string;
}
