import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, Max, Min } from 'class-validator';
import { MAX_COURSE_LENGTH, MAX_REQUIRED_COURSES, SETTING_RANGES } from '../../domain/programme/programme.settings';
import { VETTING_KINDS } from '../../domain/visitor/volunteer.codes';
import type { VettingKind } from '../../domain/visitor/volunteer.codes';
import { HumanText } from '../http/human-text';
import { IsInstant, Optional } from '../http/validators';

const { followUpMonths: months, supervisionEveryWeeks: supervision, reassessEveryWeeks: reassess } = SETTING_RANGES;

/** Any of a programme's settings; those left out stay as they are. The event holds the whole set after the change. */
export class ChangeProgrammeSettingsDto {
  @ApiPropertyOptional({ minimum: months.min, maximum: months.max, example: 3, description: 'A closed case\'s follow-up falls due this many months after the end (cases closed from now on)' })
  @Optional()
  @IsInt()
  @Min(months.min)
  @Max(months.max)
  followUpMonths?: number;

  @ApiPropertyOptional({ enum: VETTING_KINDS, isArray: true, description: 'Vettings an applicant volunteer must have on record, clear and unexpired, before being booked ([] for none)' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(VETTING_KINDS.length)
  @ArrayUnique()
  @IsIn(VETTING_KINDS, { each: true })
  requiredVetting?: VettingKind[];

  @ApiPropertyOptional({ type: String, isArray: true, example: ['Introduktion'], description: 'Courses a volunteer should have; missing ones show on the attention list' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_REQUIRED_COURSES)
  @HumanText('line', MAX_COURSE_LENGTH, { each: true })
  requiredCourses?: string[];

  @ApiPropertyOptional({ minimum: supervision.min, maximum: supervision.max, example: 12, description: 'Supervision at least this often' })
  @Optional()
  @IsInt()
  @Min(supervision.min)
  @Max(supervision.max)
  supervisionEveryWeeks?: number;

  @ApiPropertyOptional({ minimum: reassess.min, maximum: reassess.max, example: 12, description: 'While a case is active, UCLA-3 again this many weeks after the last one' })
  @Optional()
  @IsInt()
  @Min(reassess.min)
  @Max(reassess.max)
  reassessEveryWeeks?: number;

  @ApiPropertyOptional({ description: 'When the change takes effect (default: now; not in the future)' }) @Optional() @IsInstant() at?: string;
}
