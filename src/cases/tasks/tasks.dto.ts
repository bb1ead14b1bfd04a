import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { TASK_KINDS } from '../../../domain/shared/codes';
import type { TaskKind } from '../../../domain/shared/codes';
import { TEXT } from '../../http/validators';
import { HumanText } from '../../http/human-text';

export class OpenTaskDto {
  @ApiProperty({ enum: TASK_KINDS, example: 'heating_aid' }) @IsIn(TASK_KINDS) kind!: TaskKind;
  @ApiProperty({ example: 'Ansøgning om varmehjælp til kommunen' }) @HumanText('lines', TEXT.reason) description!: string;
}

export class CompleteTaskDto {
  @ApiProperty({ example: 'Bevilget fra 1. april' }) @HumanText('lines', TEXT.reason) outcome!: string;
}
