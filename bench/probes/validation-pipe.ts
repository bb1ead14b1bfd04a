import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { AssessLonelinessDto } from '../../src/cases/case-commands.dto';
import { createValidationPipe } from '../../src/http/validation';

/**
 * The global pipe's CPU per command body (docs/performance.md, "The command
 * edge"): W3's body, `POST /cases/:caseId/assessments`, through the plain copy
 * (`DtoValidationPipe`, src/http/validation.ts) and through Nest's
 * ValidationPipe with the same options, in turns in one process. Not part of
 * the bench's table.
 *
 *   node dist-bench/bench/probes/validation-pipe.js [rounds] [bodies]   # default 5 rounds of 20,000
 */
async function main(): Promise<void> {
  const [rounds = 5, bodies = 20_000] = process.argv.slice(2).map(Number);
  const ours = createValidationPipe();
  const nest = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, transform: true, validationError: { target: false, value: false } });
  const metadata: ArgumentMetadata = { type: 'body', metatype: AssessLonelinessDto };
  const perBody: Record<string, number[]> = { 'plain copy': [], "Nest's ValidationPipe": [] };
  for (let round = 0; round < rounds; round++) {
    for (const [name, pipe] of [['plain copy', ours], ["Nest's ValidationPipe", nest]] as const) {
      const start = process.cpuUsage();
      for (let i = 0; i < bodies; i++) await pipe.transform({ instrument: 'ucla3', answers: [2, 3, 2] }, metadata);
      const used = process.cpuUsage(start);
      perBody[name]!.push((used.user + used.system) / bodies);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  for (const [name, values] of Object.entries(perBody)) console.log(`${name}: ${median(values).toFixed(2)} µs per body (median of ${rounds}; ${values.map((v) => v.toFixed(2)).join(', ')})`);
}

void main();
