import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The answer to every case command (OpenAPI description of CaseAnswer). */
export class CaseAnswerDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: 'The case stream revision after the command; send it back as If-Match' }) revision!: number;
  @ApiProperty({ description: 'Global position of the last event; use as minPosition on read models' }) position!: number;
  @ApiPropertyOptional({ format: 'uuid' }) citizenId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) taskId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A relative just added (issue #19)' }) relativeId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'An appointment just scheduled (issue #19)' }) appointmentId?: string;
  @ApiPropertyOptional({ enum: [true], description: "A referral whose CPR number named a citizen already known joined them: citizenId is theirs" }) knownCitizen?: true;
}
