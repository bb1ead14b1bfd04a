import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { APPOINTMENT_WITH } from '../../domain/shared/companion-codes';
import type { AppointmentWith } from '../../domain/shared/companion-codes';
import { HumanText } from '../http/human-text';
import { IsInstant, Optional, TEXT } from '../http/validators';

/** The bodies of the companion's commands (issue #19, seed 002: "støtte før, under og efter en samtale"): domain/case/case.companions.ts. */

export class ScheduleAppointmentDto {
  @ApiProperty({ enum: APPOINTMENT_WITH, description: 'Whom the citizen meets' }) @IsIn(APPOINTMENT_WITH) with!: AppointmentWith;
  @ApiProperty({ example: 'Samtale om sygedagpenge', description: 'What the meeting is about (personal, sealed)' }) @HumanText('lines', TEXT.reason) purpose!: string;
  @ApiProperty({ example: '2026-04-14T10:00:00+02:00', description: 'The agreed time; past or future, not before the referral' }) @IsInstant() at!: string;
  @ApiPropertyOptional({ example: 'Vi skriver spørgsmålene ned sammen om mandagen', description: 'Before: how the citizen and the helper prepare (personal, sealed)' })
  @Optional()
  @HumanText('lines', TEXT.note)
  preparation?: string;
}

export class AppointmentAccompaniedDto {
  @ApiProperty({ example: '2026-04-14T10:00:00+02:00', description: 'When the helper went along; at most 24 hours ahead' }) @IsInstant() at!: string;
  @ApiProperty({ example: 'Vi gik spørgsmålene igennem bagefter over en kop kaffe', description: 'After: what was talked over (personal, sealed)' })
  @HumanText('lines', TEXT.note)
  debrief!: string;
}

export class CancelAppointmentDto {
  @ApiProperty({ example: 'Mødet er flyttet af jobcentret' }) @HumanText('lines', TEXT.reason) reason!: string;
}
