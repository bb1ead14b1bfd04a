import { IsInt, IsOptional, IsString, MetadataStorage, getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { rememberValidationMetadata } from '../../../src/http/validation-metadata';
import { AssessLonelinessDto } from '../../../src/cases/assess-loneliness/assess-loneliness.dto';
import { ReceiveReferralDto, CitizenDto } from '../../../src/cases/receive-referral/receive-referral.dto';

class Base {
  @IsString() name!: string;
}
class Derived extends Base {
  @IsOptional() @IsInt() count?: number;
}

const asLibrary = (storage: MetadataStorage, target: Function, groups?: string[]) =>
  MetadataStorage.prototype.getTargetValidationMetadatas.call(storage, target, undefined as unknown as string, false, false, groups);

describe('the validation rules kept per class', () => {
  const storage = getMetadataStorage();
  rememberValidationMetadata(storage);

  it.each([AssessLonelinessDto, ReceiveReferralDto, CitizenDto, Base, Derived])('are the rules class-validator finds for %p, inherited ones included, the same list each time', (target) => {
    const kept = storage.getTargetValidationMetadatas(target, undefined as unknown as string, false, false, undefined);
    expect(kept).toEqual(asLibrary(storage, target));
    expect(storage.getTargetValidationMetadatas(target, undefined as unknown as string, false, false, undefined)).toBe(kept);
    expect(storage.groupByPropertyName(kept)).toEqual(MetadataStorage.prototype.groupByPropertyName.call(storage, kept));
  });

  it('are looked up afresh for a call with groups', () => {
    expect(storage.getTargetValidationMetadatas(Derived, undefined as unknown as string, false, false, ['g'])).toEqual(asLibrary(storage, Derived, ['g']));
  });

  it('are forgotten when a rule is added (a class loaded after start)', () => {
    const own = new MetadataStorage();
    rememberValidationMetadata(own);
    class Late {}
    const rule = (propertyName: string) => ({ type: ValidationTypes.IS_DEFINED, target: Late, propertyName, constraints: [] }) as unknown as ValidationMetadata;
    own.addValidationMetadata(rule('a'));
    expect(own.getTargetValidationMetadatas(Late, undefined as unknown as string, false, false).map((m) => m.propertyName)).toEqual(['a']);
    own.addValidationMetadata(rule('b'));
    expect(own.getTargetValidationMetadatas(Late, undefined as unknown as string, false, false).map((m) => m.propertyName)).toEqual(['a', 'b']);
  });
});
