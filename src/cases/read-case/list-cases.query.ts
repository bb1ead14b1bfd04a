import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { PROGRAMMES } from '../../../domain/shared/codes';
import type { Programme } from '../../../domain/shared/codes';
import { Optional } from '../../http/validators';

const STATUSES = ['Referred', 'Waiting', 'Active', 'Closed'] as const;

export class ListCasesQuery {
  @ApiPropertyOptional({ enum: STATUSES }) @Optional() @IsIn(STATUSES) status?: (typeof STATUSES)[number];
  @ApiPropertyOptional({ enum: PROGRAMMES }) @Optional() @IsIn(PROGRAMMES) programme?: Programme;
  @ApiPropertyOptional({ description: "Part of the citizen's name" }) @Optional() @IsString() @MaxLength(200) search?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 1_000_000, default: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  limit?: number;
}
