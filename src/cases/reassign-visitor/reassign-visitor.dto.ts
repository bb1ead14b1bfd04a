import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { TEXT } from '../../http/validators';

export class ReassignVisitorDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') toVisitorId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(TEXT.reason) reason!: string;
}
