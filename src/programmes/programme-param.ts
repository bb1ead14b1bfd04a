import { Injectable, PipeTransform } from '@nestjs/common';
import { isProgramme } from '../../domain/programme/programme.settings';
import type { Programme } from '../../domain/shared/codes';
import { NotFoundError } from '../../domain/shared/errors';

/** `:programme` is a programme's code (domain/shared/codes.ts): any other value is an unknown programme, 404 `programme_not_found`. */
@Injectable()
export class ProgrammeParamPipe implements PipeTransform<string, Programme> {
  transform(value: string): Programme {
    if (!isProgramme(value)) throw new NotFoundError('programme', String(value).slice(0, 40));
    return value;
  }
}

export const ProgrammeParam = new ProgrammeParamPipe();
