import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsInstant, TEXT } from '../../http/validators';
import { HumanText } from '../../http/human-text';

export class RecordDismissalDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') visitorId!: string;
  @ApiProperty({ description: 'When the citizen sent the visitor away' }) @IsInstant() at!: string;
  @ApiProperty({ description: 'When the visitor comes back' }) @IsInstant() nextVisitAt!: string;
  @ApiProperty({ example: 'Bag facaden et ønske om besøg; kommer igen næste uge' }) @HumanText('lines', TEXT.reason) assessment!: string;
}
