import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, Matches, Max, Min } from 'class-validator';
import { HumanText } from '../http/human-text';
import { IsInstant, Optional, TEXT } from '../http/validators';

/** The bodies of the visit plan's commands (issue #17): the next visit, the fixed time, pause and resume. */

export class BookNextVisitDto {
  @ApiProperty({ example: '2026-03-17T10:00:00+01:00', description: 'The time agreed with the citizen; after the last visit' }) @IsInstant() visitAt!: string;
  @ApiProperty({ description: 'We always call first: must be true' }) @IsBoolean() citizenNotified!: boolean;
}

export class AgreeVisitSlotDto {
  @ApiProperty({ minimum: 1, maximum: 7, example: 2, description: '1 Monday … 7 Sunday (ISO)' }) @IsInt() @Min(1) @Max(7) weekday!: number;
  @ApiProperty({ example: '10:00', description: 'Copenhagen wall-clock time, HH:mm' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time must be HH:mm, 00:00 to 23:59' })
  time!: string;
  @ApiProperty({ minimum: 1, maximum: 4, example: 1 }) @IsInt() @Min(1) @Max(4) everyWeeks!: number;
}

export class PauseCaseDto {
  @ApiProperty({ example: 'Indlagt på Slagelse Sygehus' }) @HumanText('lines', TEXT.reason) reason!: string;
  @ApiProperty({ example: '2026-03-05T09:00:00+01:00', description: 'When visits stopped: back-dated, at most 24 hours ahead' }) @IsInstant() at!: string;
  @ApiPropertyOptional({ example: '2026-03-20T12:00:00+01:00', description: 'When it is expected to end; after `at`' }) @Optional() @IsInstant() until?: string;
}

export class ResumeCaseDto {
  @ApiProperty({ example: '2026-03-20T10:00:00+01:00', description: 'When visits start again; not before the pause began' }) @IsInstant() at!: string;
}
