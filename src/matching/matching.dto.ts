import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { CLOCK, WEEKDAYS } from '../../domain/matching/matching.codes';
import type { Weekday } from '../../domain/matching/matching.codes';

/** Pieces the matching bodies share: a weekly time span, a weekly meeting. */

const CLOCK_MESSAGE = 'must be a local time HH:MM';

export class TimeSpanDto {
  @ApiProperty({ enum: WEEKDAYS, description: '1 Monday … 7 Sunday' }) @IsIn(WEEKDAYS) weekday!: Weekday;
  @ApiProperty({ example: '10:00' }) @IsString() @Matches(CLOCK, { message: `from ${CLOCK_MESSAGE}` }) from!: string;
  @ApiProperty({ example: '12:00' }) @IsString() @Matches(CLOCK, { message: `to ${CLOCK_MESSAGE}` }) to!: string;
}

export class MeetingDto {
  @ApiProperty({ enum: WEEKDAYS, description: '1 Monday … 7 Sunday' }) @IsIn(WEEKDAYS) weekday!: Weekday;
  @ApiProperty({ example: '14:00' }) @IsString() @Matches(CLOCK, { message: `time ${CLOCK_MESSAGE}` }) time!: string;
}

export const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;
export const POSTCODE_PATTERN = /^[1-9]\d{3}$/;
