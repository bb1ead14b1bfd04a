import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { TEXT } from '../../http/validators';
import { HumanText } from '../../http/human-text';

export class ReassignVisitorDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') toVisitorId!: string;
  @ApiProperty() @HumanText('lines', TEXT.reason) reason!: string;
}
