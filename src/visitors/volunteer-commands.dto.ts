import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { PROGRAMMES } from '../../domain/shared/codes';
import type { Programme } from '../../domain/shared/codes';
import { INTERVIEW_OUTCOMES, SUPERVISION_KINDS, VETTING_KINDS, VETTING_RESULTS } from '../../domain/visitor/volunteer.codes';
import type { InterviewOutcome, SupervisionKind, VettingKind, VettingResult } from '../../domain/visitor/volunteer.codes';
import { HumanText } from '../http/human-text';
import { IsInstant, Optional, TEXT } from '../http/validators';

/** The bodies of the volunteer's lifecycle (issue 20). Every `at` is optional (now), may be back-dated, at most 24 hours ahead. */

const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;
const AT = { example: '2026-03-02T10:00:00+01:00', description: 'When it happened (default now); back-dated allowed, at most 24 hours ahead' };
const Programmes = () => (target: object, key: string | symbol) => {
  for (const decorate of [IsArray(), ArrayMinSize(1), ArrayMaxSize(PROGRAMMES.length), ArrayUnique(), IsIn(PROGRAMMES, { each: true })]) decorate(target, key);
};

export class ApplyAsVolunteerDto {
  @ApiProperty({ example: 'Birthe Madsen' }) @HumanText('line', TEXT.name) name!: string;
  @ApiProperty({ example: '+4540506070' }) @IsString() @Matches(PHONE, { message: 'phone must be a Danish phone number: +45 and 8 digits' }) phone!: string;
  @ApiPropertyOptional({ example: 'birthe@example.dk' }) @Optional() @IsEmail({}, { message: 'email must be an e-mail address' }) email?: string;
  @ApiProperty({ enum: PROGRAMMES, isArray: true, description: 'The programmes the volunteer applies for' }) @Programmes() programmes!: Programme[];
  @ApiPropertyOptional({ example: 'Jeg har selv været alene efter min mands død', description: "The volunteer's own words: personal, sealed" })
  @Optional()
  @HumanText('lines', TEXT.reason)
  motivation?: string;
  @ApiPropertyOptional({ example: 'Opslag i kirkebladet' }) @Optional() @HumanText('line', TEXT.short) howHeard?: string;
  @ApiPropertyOptional(AT) @Optional() @IsInstant() at?: string;
}

export class RecordInterviewDto {
  @ApiPropertyOptional(AT) @Optional() @IsInstant() at?: string;
  @ApiProperty({ example: 'Jette Holm', description: 'Who held the interview (staff)' }) @HumanText('line', TEXT.name) by!: string;
  @ApiProperty({ enum: INTERVIEW_OUTCOMES }) @IsIn(INTERVIEW_OUTCOMES) outcome!: InterviewOutcome;
  @ApiPropertyOptional({ description: 'About the volunteer: personal, sealed' }) @Optional() @HumanText('lines', TEXT.note) note?: string;
}

export class ApproveVolunteerDto {
  @ApiProperty({ enum: PROGRAMMES, isArray: true, description: 'The programmes the volunteer is approved for' }) @Programmes() programmes!: Programme[];
  @ApiPropertyOptional({ example: ['Ikke hos nyligt efterladte'], description: 'Conditions shown when the volunteer is booked' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @HumanText('line', TEXT.short, { each: true })
  provisos?: string[];
  @ApiProperty({ minimum: 1, maximum: 50 }) @IsInt() @Min(1) @Max(50) capacity!: number;
  @ApiPropertyOptional(AT) @Optional() @IsInstant() at?: string;
}

export class DeclineVolunteerDto {
  @ApiProperty({ description: 'Why: personal, sealed' }) @HumanText('lines', TEXT.reason) reason!: string;
  @ApiPropertyOptional(AT) @Optional() @IsInstant() at?: string;
}

export class RecordVettingDto {
  @ApiProperty({ enum: VETTING_KINDS }) @IsIn(VETTING_KINDS) kind!: VettingKind;
  @ApiProperty({ example: '2025-11-03T09:00:00+01:00', description: 'When the record was checked; back-dated allowed (before the application too)' }) @IsInstant() checkedAt!: string;
  @ApiPropertyOptional({ example: '2028-11-03T00:00:00+01:00', description: 'When it must be checked again' }) @Optional() @IsInstant() expiresAt?: string;
  @ApiProperty({ enum: VETTING_RESULTS }) @IsIn(VETTING_RESULTS) result!: VettingResult;
}

export class RecordTrainingDto {
  @ApiProperty({ example: 'Introduktion', description: 'E.g. Introduktion, Samtale med mennesker i krise, Motiverende samtale, Samtale om selvmordstanker' })
  @HumanText('line', TEXT.name)
  course!: string;
  @ApiPropertyOptional(AT) @Optional() @IsInstant() at?: string;
  @ApiPropertyOptional({ description: 'When the course must be taken again' }) @Optional() @IsInstant() expiresAt?: string;
}

export class RecordSupervisionDto {
  @ApiPropertyOptional(AT) @Optional() @IsInstant() at?: string;
  @ApiProperty({ enum: SUPERVISION_KINDS }) @IsIn(SUPERVISION_KINDS) kind!: SupervisionKind;
  @ApiProperty({ example: 'Jette Holm' }) @HumanText('line', TEXT.name) by!: string;
  @ApiPropertyOptional({ description: 'About the volunteer: personal, sealed' }) @Optional() @HumanText('lines', TEXT.note) note?: string;
}

export class PauseVolunteerDto {
  @ApiPropertyOptional({ ...AT, description: 'When the pause begins (default now)' }) @Optional() @IsInstant() from?: string;
  @ApiPropertyOptional({ description: 'When the volunteer expects to be back' }) @Optional() @IsInstant() until?: string;
  @ApiProperty({ description: 'Why: personal, sealed' }) @HumanText('lines', TEXT.reason) reason!: string;
}

export class ResumeVolunteerDto {
  @ApiPropertyOptional(AT) @Optional() @IsInstant() at?: string;
}

export class VolunteerLeavesDto {
  @ApiPropertyOptional(AT) @Optional() @IsInstant() at?: string;
  @ApiProperty({ description: 'Why: personal, sealed' }) @HumanText('lines', TEXT.reason) reason!: string;
}

export class AssignVolunteerCoordinatorDto {
  @ApiProperty({ example: 'lone', description: "The volunteer lead's username (token subject)" }) @HumanText('line', TEXT.name) coordinatorSub!: string;
  @ApiPropertyOptional(AT) @Optional() @IsInstant() at?: string;
}

export class EraseVisitorDto {
  @ApiPropertyOptional({ description: 'Why, for the person erasing; not stored (an erasure writes no new words about the person)' })
  @Optional()
  @HumanText('lines', 500)
  reason?: string;
}
