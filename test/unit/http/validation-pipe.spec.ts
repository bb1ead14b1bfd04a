import type { ArgumentMetadata } from '@nestjs/common';
import { AssessLonelinessDto } from '../../../src/cases/case-commands.dto';
import { RequestValidationError } from '../../../src/http/errors';
import { createValidationPipe } from '../../../src/http/validation';

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
    expect({ ...dto }).toEqual({ instrument: 'ucla3', answers: [2, 3, 2], at: undefined });
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
