import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { TASK_KINDS } from '../../../domain/shared/codes';
import type { TaskKind } from '../../../domain/shared/codes';
import { TEXT } from '../../http/validators';

export class OpenTaskDto {
  @ApiProperty({ enum: TASK_KINDS, example: 'heating_aid' }) @IsIn(TASK_KINDS) kind!: TaskKind;
  @ApiProperty({ example: 'Ansøgning om varmehjælp til kommunen' }) @IsString() @MinLength(1) @MaxLength(TEXT.reason) description!: string;
}

export class CompleteTaskDto {
  @ApiProperty({ example: 'Bevilget fra 1. april' }) @IsString() @MinLength(1) @MaxLength(TEXT.reason) outcome!: string;
}
