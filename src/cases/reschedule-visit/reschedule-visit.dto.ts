import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { IsInstant } from '../../http/validators';

export class RescheduleVisitDto {
  @ApiProperty({ description: 'The agreed time that moves' }) @IsInstant() from!: string;
  @ApiProperty({ description: 'The new time' }) @IsInstant() to!: string;
  @ApiProperty({ description: 'We always call first: must be true' }) @IsBoolean() citizenNotified!: boolean;
}
