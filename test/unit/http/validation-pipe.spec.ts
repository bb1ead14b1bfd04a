import { randomUUID } from 'node:crypto';
import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import fc from 'fast-check';
import { Expose, Transform } from 'class-transformer';
import { IsInt, IsString } from 'class-validator';
import { AccessLogQuery } from '../../../src/privacy/access-log.query';
import { FindCitizensQuery } from '../../../src/citizens/lookup/find-citizens.query';
import { ListCasesQuery } from '../../../src/cases/read-case/list-cases.query';
import { OutcomesQuery } from '../../../src/outcomes/outcomes.query';
import { AsOfQuery } from '../../../src/read-models/history/as-of.query';
import { PositionQuery } from '../../../src/read-models/position.query';
import { AssessLonelinessDto } from '../../../src/cases/case-commands.dto';
import { CASE_COMMANDS } from '../../../src/cases/case-commands.table';
import { ReceiveReferralDto } from '../../../src/cases/receive-referral.dto';
import { CITIZEN_COMMANDS } from '../../../src/citizens/citizen-commands.table';
import { RequestValidationError } from '../../../src/http/errors';
import { copiesPlainly, isPlainJson } from '../../../src/http/plain-dto';
import { createValidationPipe, flatten, VALIDATOR_OPTIONS } from '../../../src/http/validation';
import { emptyQueryIsNew } from '../../../src/http/empty-query';
import { VISITOR_COMMANDS } from '../../../src/visitors/visitor-commands.table';
import { VOLUNTEER_COMMANDS } from '../../../src/visitors/volunteer-commands.table';
import { PROGRAMME_COMMANDS } from '../../../src/programmes/programme-commands.table';

const asBody: ArgumentMetadata = { type: 'body', metatype: AssessLonelinessDto };
const pipe = createValidationPipe();
const refusal = async (value: unknown) => {
  const error = await pipe.transform(value, asBody).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(RequestValidationError);
  return (error as RequestValidationError).errors;
};

describe('the global ValidationPipe on a command body', () => {
  it('gives the DTO, with only the fields sent', async () => {
    const dto = await pipe.transform({ instrument: 'ucla3', answers: [2, 3, 2] }, asBody);
    expect(dto).toBeInstanceOf(AssessLonelinessDto);
    expect({ ...(dto as object) }).toEqual({ instrument: 'ucla3', answers: [2, 3, 2], at: undefined });
  });

  it('refuses an unknown field, naming it, and a wrong value, naming the rule', async () => {
    expect(await refusal({ instrument: 'ucla3', answers: [2, 3, 2], colour: 'red' })).toEqual([{ field: 'colour', message: 'colour is not a known field' }]);
    expect(await refusal({ instrument: 'ucla3', answers: [2, 3, 4] })).toEqual([{ field: 'answers', message: 'each value in answers must not be greater than 3' }]);
  });

  it('closes the gaps of a sparse array before validating it, as Nest does (a JSON body has none, other values may)', async () => {
    // eslint-disable-next-line no-sparse-arrays
    const body = { instrument: 'ucla3', answers: [2, , 3, 2] };
    const dto = (await pipe.transform(body, asBody)) as AssessLonelinessDto;
    expect(dto.answers).toEqual([2, 3, 2]);
    // In place, so whatever reads the body later (the idempotency hash) sees what was validated.
    expect(Object.keys(body.answers)).toEqual(['0', '1', '2']);
    // eslint-disable-next-line no-sparse-arrays
    expect(await refusal({ instrument: 'ucla3', answers: [2, , 3] })).toEqual([{ field: 'answers', message: 'answers must contain at least 3 elements' }]);
  });

  it('drops the keys that could reach a prototype (constructor, prototype) before building the DTO', async () => {
    const dto = (await pipe.transform({ instrument: 'ucla3', answers: [2, 3, 2], constructor: { name: 'x' }, prototype: 1 }, asBody)) as AssessLonelinessDto;
    expect(Object.keys(dto)).toEqual(['instrument', 'answers', 'at']);
  });
});

describe('the plain copy of a JSON body (src/http/plain-dto.ts)', () => {
  const tables = [CASE_COMMANDS, VISITOR_COMMANDS, CITIZEN_COMMANDS, VOLUNTEER_COMMANDS, PROGRAMME_COMMANDS];
  const dtos = [...new Set(tables.flatMap((table) => Object.values(table.routes).map((route) => route.body as new () => object)))];
  const nest = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, transform: true, validationError: { target: false, value: false }, exceptionFactory: (errors) => new RequestValidationError(flatten(errors)) });
  const outcome = (run: Promise<unknown>) => run.then((dto) => ({ dto }), (error: unknown) => ({ error: error instanceof RequestValidationError ? error.errors : error }));

  it('is taken for the DTOs that need no class-transformer, and not for the referral, whose parts are nested DTOs', () => {
    expect(copiesPlainly(AssessLonelinessDto)).toBe(true);
    expect(copiesPlainly(ReceiveReferralDto)).toBe(false);
    expect(dtos.filter((dto) => copiesPlainly(dto)).length).toBeGreaterThan(dtos.length / 2);
  });

  it("gives the same DTO or the same errors as Nest's ValidationPipe with plainToInstance, for every command table's DTO on generated bodies", async () => {
    // Bodies made of the DTO's own fields (and strangers), with values of every JSON kind, some of them right.
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer({ min: -2, max: 5 }), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('ucla3', '2026-03-02T09:15:00+01:00', randomUUID(), 'volunteer', 'other'), fc.array(tie('any'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('any'), { maxKeys: 2 })),
    })).any;
    for (const dto of dtos) {
      const fields = Object.keys(new dto());
      const body = fc.dictionary(fc.oneof(fc.constantFrom(...fields, 'colour'), fc.string({ maxLength: 3 })), value, { maxKeys: fields.length + 1 });
      const metadata: ArgumentMetadata = { type: 'body', metatype: dto };
      await fc.assert(
        fc.asyncProperty(body, async (generated) => {
          // As the body parser gives it (and in this test's realm, which a structuredClone would leave).
          const sent = () => JSON.parse(JSON.stringify(generated)) as object;
          // The plain copy is really taken where the DTO allows it, so the comparison below compares the two ways.
          expect(isPlainJson(sent())).toBe(true);
          const ours = await outcome(pipe.transform(sent(), metadata));
          const theirs = await outcome(nest.transform(sent(), metadata));
          expect(ours).toEqual(theirs);
          if ('dto' in ours) expect(Object.getPrototypeOf(ours.dto)).toBe(dto.prototype);
        }),
        { numRuns: 150 },
      );
    }
  });

  it('leaves to Nest what JSON.parse does not make: gaps in arrays, prototype keys, undefined', () => {
    expect(isPlainJson(JSON.parse('{"a":[1,{"b":null}],"c":"d"}'))).toBe(true);
    // eslint-disable-next-line no-sparse-arrays
    expect(isPlainJson({ a: [1, , 2] })).toBe(false);
    expect(isPlainJson({ a: { constructor: 1 } })).toBe(false);
    expect(isPlainJson(JSON.parse('{"__proto__":1}'))).toBe(false);
    expect(isPlainJson({ a: undefined })).toBe(false);
    expect(isPlainJson({ a: new Date() })).toBe(false);
  });
});

describe('an empty query (src/http/empty-query.ts)', () => {
  const nest = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, transform: true, validationError: { target: false, value: false }, exceptionFactory: (errors) => new RequestValidationError(flatten(errors)) });
  const outcome = (run: Promise<unknown>) => run.then((dto) => ({ dto, type: Object.getPrototypeOf(dto) }), (error: unknown) => ({ error: error instanceof RequestValidationError ? error.errors : error }));
  const asQuery = (metatype: new () => object): ArgumentMetadata => ({ type: 'query', metatype });

  class NeedsName {
    @IsString() name!: string;
  }
  class PageSize {
    @Expose() @Transform(({ value }) => value ?? 20) @IsInt() limit?: number;
  }

  it("gives what Nest's ValidationPipe gives, the DTO or the same errors, for the routes' query DTOs and for ones an empty query does not satisfy", async () => {
    for (const type of [AsOfQuery, PositionQuery, AccessLogQuery, FindCitizensQuery, ListCasesQuery, OutcomesQuery, NeedsName, PageSize]) {
      // Twice: the first finds out what the class makes of an empty query, the second uses what it found.
      for (let time = 0; time < 2; time++) expect(await outcome(pipe.transform({}, asQuery(type)))).toEqual(await outcome(nest.transform({}, asQuery(type))));
    }
    expect(await outcome(pipe.transform({}, asQuery(NeedsName)))).toMatchObject({ error: [{ field: 'name', message: 'name must be a string' }] });
    expect(await pipe.transform({}, asQuery(PageSize))).toEqual(Object.assign(new PageSize(), { limit: 20 }));
    // The short way is taken where it gives the same, and only there.
    expect(await emptyQueryIsNew(AsOfQuery, VALIDATOR_OPTIONS)).toBe(true);
    expect(await emptyQueryIsNew(NeedsName, VALIDATOR_OPTIONS)).toBe(false);
    expect(await emptyQueryIsNew(PageSize, VALIDATOR_OPTIONS)).toBe(false);
  });

  it('is a new instance of the DTO for a route that takes one, and the same errors as before for any query with a key', async () => {
    const dto = await pipe.transform(Object.create(null), asQuery(AsOfQuery));
    expect(dto).toBeInstanceOf(AsOfQuery);
    expect(dto).toEqual(new AsOfQuery());
    expect(await outcome(pipe.transform({ asOf: 'yesterday' }, asQuery(AsOfQuery)))).toEqual(await outcome(nest.transform({ asOf: 'yesterday' }, asQuery(AsOfQuery))));
    expect(await outcome(pipe.transform({ asOf: 'yesterday' }, asQuery(AsOfQuery)))).toMatchObject({ error: [{ field: 'asOf' }] });
    expect(await outcome(pipe.transform({ minPosition: '3' }, asQuery(AsOfQuery)))).toEqual({ dto: Object.assign(new AsOfQuery(), { minPosition: 3 }), type: AsOfQuery.prototype });
  });
});
