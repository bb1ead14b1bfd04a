import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { from, mergeMap, Observable } from 'rxjs';
import { PersonalDataCipher } from './personal-data.cipher';

/**
 * Opens sealed personal fields in every answer, at the edge: events and read
 * models hold only ciphertext, and an erased person's fields read `[slettet]`.
 */
@Injectable()
export class DecryptInterceptor implements NestInterceptor {
  constructor(private readonly cipher: PersonalDataCipher) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(mergeMap((body: unknown) => from(this.cipher.reveal(body))));
  }
}
