import { accessLogPage, decodeCursor, encodeCursor } from '../../../src/privacy/access-log.page';
import type { AccessEntry } from '../../../src/privacy/access-log.store';

/** The admin's view of a citizen's access log: a period, a role, pages that neither skip nor repeat an entry. */
describe('a page of the access log', () => {
  const entry = (at: string, subject: string, role = 'coordinator'): AccessEntry => ({ at, subject, role, route: 'GET /cases/:caseId', citizenIds: ['c'] });
  const log = [
    entry('2026-03-01T09:00:00.000Z', 'a'),
    entry('2026-03-02T09:00:00.000Z', 'b', 'visitor'),
    entry('2026-03-02T09:00:00.000Z', 'c'),
    entry('2026-03-02T09:00:00.000Z', 'd'),
    entry('2026-03-05T09:00:00.000Z', 'e', 'visitor'),
  ];
  const subjects = (entries: AccessEntry[]) => entries.map((e) => e.subject);

  it('gives the whole log oldest first when nothing is asked', () => {
    expect(accessLogPage(log, { order: 'oldest' })).toEqual({ entries: log });
  });

  it('keeps a period from its start up to (not including) its end, compared as instants', () => {
    expect(subjects(accessLogPage(log, { order: 'oldest', from: '2026-03-02T10:00:00+01:00', to: '2026-03-05T10:00:00+01:00' }).entries)).toEqual(['b', 'c', 'd']);
  });

  it('keeps one role', () => {
    expect(subjects(accessLogPage(log, { order: 'newest', role: 'visitor' }).entries)).toEqual(['e', 'b']);
  });

  it('pages through entries of the same second without skipping or repeating one, either way', () => {
    for (const order of ['oldest', 'newest'] as const) {
      const seen: string[] = [];
      let page = accessLogPage(log, { order, limit: 2 });
      seen.push(...subjects(page.entries));
      while (page.next) {
        page = accessLogPage(log, { order, limit: 2, cursor: decodeCursor(encodeCursor(page.next)) });
        seen.push(...subjects(page.entries));
      }
      expect(seen).toEqual(order === 'oldest' ? ['a', 'b', 'c', 'd', 'e'] : ['e', 'b', 'c', 'd', 'a']);
    }
  });

  it('is not moved by entries written after the first page, when paging oldest first', () => {
    const first = accessLogPage(log, { order: 'oldest', limit: 3 });
    const later = [...log, entry('2026-03-06T09:00:00.000Z', 'f')];
    expect(subjects(accessLogPage(later, { order: 'oldest', limit: 3, cursor: first.next }).entries)).toEqual(['d', 'e', 'f']);
  });

  it('reads no cursor it did not write', () => {
    for (const text of ['', 'abc', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["nu",1]').toString('base64url'), Buffer.from('["2026-03-01T09:00:00Z",0]').toString('base64url')])
      expect(decodeCursor(text)).toBeUndefined();
  });
});
