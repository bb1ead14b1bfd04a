import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { ROLES, type Role } from '../../domain/shared/codes';
import { IsInstant, Optional } from '../http/validators';

/** `GET /citizens/:citizenId/access-log?from&to&role&order&limit&cursor`: without any, the whole log oldest first, as before. */
export class AccessLogQuery {
  @ApiPropertyOptional({ example: '2026-03-01T00:00:00+01:00', description: 'Reads at or after this instant' }) @Optional() @IsInstant() from?: string;
  @ApiPropertyOptional({ example: '2026-04-01T00:00:00+02:00', description: 'Reads before this instant' }) @Optional() @IsInstant() to?: string;
  @ApiPropertyOptional({ enum: ROLES, description: 'Only reads by users in this role' }) @Optional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ enum: ['oldest', 'newest'], default: 'oldest' }) @Optional() @IsIn(['oldest', 'newest']) order?: 'oldest' | 'newest';
  @ApiPropertyOptional({ minimum: 1, maximum: 500, description: 'At most this many entries; a `Link: rel="next"` header gives the next page' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional({ description: 'From the `Link: rel="next"` of the page before' }) @Optional() @IsString() @MaxLength(200) cursor?: string;
}
