import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RELATION_KINDS } from '../../../domain/shared/codes';
import type { RelationKind } from '../../../domain/shared/codes';
import { IsInstant, TEXT } from '../../http/validators';
import { HumanText } from '../../http/human-text';

export class EstablishRelationDto {
  @ApiProperty({ enum: RELATION_KINDS }) @IsIn(RELATION_KINDS) kind!: RelationKind;
  @ApiProperty({ example: 'Går i selvhjælpsgruppen tirsdage' }) @HumanText('lines', TEXT.reason) description!: string;
  @ApiProperty() @IsInstant() at!: string;
}
