import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Optional } from '../http/validators';

/** `?minPosition=N`: answer only once the read model reflects position N (read-your-writes). */
export class PositionQuery {
  @ApiPropertyOptional({ description: 'The `position` of a command answer this read must reflect' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minPosition?: number;
}
