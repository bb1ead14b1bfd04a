import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Optional } from '../../http/validators';

/** `GET /citizens`: by CPR number or by name, exactly one of them. */
export class FindCitizensQuery {
  @ApiPropertyOptional({ example: '120345-1234', description: 'DDMMYY-SSSS (the hyphen may be left out)' })
  @Optional()
  @IsString()
  @Matches(/^\d{6}-?\d{4}$/, { message: 'cpr must be DDMMYY-SSSS' })
  cpr?: string;

  @ApiPropertyOptional({ example: 'karen han', description: 'Words of the name; each must begin a word of the citizen\'s name (case, æ/ø/å and accents folded)' })
  @Optional()
  @IsString()
  @MinLength(2, { message: 'search must be at least 2 characters' })
  @MaxLength(100)
  search?: string;
}
