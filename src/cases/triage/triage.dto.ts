import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PRIORITIES, TRACKS } from '../../../domain/shared/codes';
import type { Priority, Track } from '../../../domain/shared/codes';
import { TEXT } from '../../http/validators';
import { HumanText } from '../../http/human-text';

export class TriageCaseDto {
  @ApiProperty({ enum: TRACKS }) @IsIn(TRACKS) track!: Track;
  @ApiProperty({ example: 'Stærkt isoleret, ønsker samtaler om livet' }) @HumanText('lines', TEXT.reason) reason!: string;
  @ApiProperty({ enum: PRIORITIES }) @IsIn(PRIORITIES) priority!: Priority;
}
