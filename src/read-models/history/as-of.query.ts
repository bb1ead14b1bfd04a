import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsInstant, Optional } from '../../http/validators';
import { PositionQuery } from '../position.query';

/** `?asOf=T&time=occurred|recorded`: the case as it stood at T, by business time or by what we knew. */
export class AsOfQuery extends PositionQuery {
  @ApiPropertyOptional({ example: '2026-04-01T00:00:00+02:00' }) @Optional() @IsInstant() asOf?: string;
  @ApiPropertyOptional({ enum: ['occurred', 'recorded'], default: 'occurred', description: 'occurred: what had happened by then; recorded: what we knew then' })
  @Optional()
  @IsIn(['occurred', 'recorded'])
  time?: 'occurred' | 'recorded';
}
