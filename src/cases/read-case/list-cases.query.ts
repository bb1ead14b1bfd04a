import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PROGRAMMES } from '../../../domain/shared/codes';
import type { Programme } from '../../../domain/shared/codes';

const STATUSES = ['Referred', 'Waiting', 'Active', 'Closed'] as const;

export class ListCasesQuery {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: (typeof STATUSES)[number];
  @ApiPropertyOptional({ enum: PROGRAMMES }) @IsOptional() @IsIn(PROGRAMMES) programme?: Programme;
  @ApiPropertyOptional({ description: "Part of the citizen's name" }) @IsOptional() @IsString() @MaxLength(200) search?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 1_000_000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  limit?: number;
}
