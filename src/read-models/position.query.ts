import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?minPosition=N`: answer only once the read model reflects position N (read-your-writes). */
export class PositionQuery {
  @ApiPropertyOptional({ description: 'The `position` of a command answer this read must reflect' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minPosition?: number;
}
