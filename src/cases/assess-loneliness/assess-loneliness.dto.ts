import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, Max, Min } from 'class-validator';
import { IsInstant, Optional } from '../../http/validators';

export class AssessLonelinessDto {
  @ApiProperty({ enum: ['ucla3'] }) @IsIn(['ucla3']) instrument!: 'ucla3';
  @ApiProperty({ type: [Number], example: [2, 3, 2], description: 'Three answers, each 1 (hardly ever) to 3 (often)' })
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(3)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(3, { each: true })
  answers!: number[];
  @ApiPropertyOptional({ description: 'When it was measured (default: now)' }) @Optional() @IsInstant() at?: string;
}
