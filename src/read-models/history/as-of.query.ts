import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsInstant } from '../../http/validators';
import { PositionQuery } from '../position.query';

/** `?asOf=T&time=occurred|recorded`: the case as it stood at T, by business time or by what we knew. */
export class AsOfQuery extends PositionQuery {
  @ApiPropertyOptional({ example: '2026-04-01T00:00:00+02:00' }) @IsOptional() @IsInstant() asOf?: string;
  @ApiPropertyOptional({ enum: ['occurred', 'recorded'], default: 'occurred', description: 'occurred: what had happened by then; recorded: what we knew then' })
  @IsOptional()
  @IsIn(['occurred', 'recorded'])
  time?: 'occurred' | 'recorded';
}
