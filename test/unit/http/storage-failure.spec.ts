import { isStorageFailure } from '../../../src/event-store/storage-failure';

describe('which driver errors mean the storage cannot serve (503), not a bug (500)', () => {
  it.each([
    [{ code: 'SQLITE_FULL', message: 'database or disk is full' }],
    [{ code: 'SQLITE_READONLY', message: 'attempt to write a readonly database' }],
    [{ code: 'SQLITE_IOERR_WRITE', message: 'disk I/O error' }],
    [{ code: 'SQLITE_BUSY', message: 'database is locked' }],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [{ code: '08006', message: 'connection failure' }],
    [{ code: '53100', message: 'could not extend file: No space left on device' }],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }],
    [new Error('Connection terminated unexpectedly')],
    [new Error('Client has encountered a connection error and is not queryable')],
  ])('%o is one', (error) => expect(isStorageFailure(error)).toBe(true));

  it.each([
    [new TypeError("Cannot read properties of undefined (reading 'role')")],
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }],
    [{ code: '42P01', message: 'relation "events" does not exist' }],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed' }],
    ['a string'],
    [undefined],
  ])('%o is not', (error) => expect(isStorageFailure(error)).toBe(false));
});
