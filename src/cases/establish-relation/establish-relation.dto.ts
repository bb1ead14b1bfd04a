import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { RELATION_KINDS } from '../../../domain/shared/codes';
import type { RelationKind } from '../../../domain/shared/codes';
import { IsInstant, TEXT } from '../../http/validators';

export class EstablishRelationDto {
  @ApiProperty({ enum: RELATION_KINDS }) @IsIn(RELATION_KINDS) kind!: RelationKind;
  @ApiProperty({ example: 'Går i selvhjælpsgruppen tirsdage' }) @IsString() @MinLength(1) @MaxLength(TEXT.reason) description!: string;
  @ApiProperty() @IsInstant() at!: string;
}
