import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsInstant, TEXT } from '../../http/validators';

export class RecordDismissalDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') visitorId!: string;
  @ApiProperty({ description: 'When the citizen sent the visitor away' }) @IsInstant() at!: string;
  @ApiProperty({ description: 'When the visitor comes back' }) @IsInstant() nextVisitAt!: string;
  @ApiProperty({ example: 'Bag facaden et ønske om besøg; kommer igen næste uge' }) @IsString() @MinLength(1) @MaxLength(TEXT.reason) assessment!: string;
}
