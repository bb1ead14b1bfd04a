import { randomUUID } from 'node:crypto';
import { ROLES } from '../../domain/shared/codes';
import { CASE_COMMANDS } from '../../src/cases/case-commands.table';
import { CITIZEN_COMMANDS } from '../../src/citizens/citizen-commands.table';
import type { CommandTable } from '../../src/http/command-routes';
import { VISITOR_COMMANDS } from '../../src/visitors/visitor-commands.table';
import { OFFER_COMMANDS } from '../../src/offers/offer-commands.table';
import { SCREENING_COMMANDS } from '../../src/screenings/screening-commands.table';
import { PARTNER_COMMANDS } from '../../src/partners/partner-commands.table';
import { REFERRAL_CARD_COMMANDS } from '../../src/referral-cards/referral-card-commands.table';
import { VOLUNTEER_COMMANDS } from '../../src/visitors/volunteer-commands.table';
import { PROGRAMME_COMMANDS } from '../../src/programmes/programme-commands.table';
import { startTestApp, TestApp } from './support/test-app';

const TABLES = [CASE_COMMANDS, VISITOR_COMMANDS, CITIZEN_COMMANDS, OFFER_COMMANDS, SCREENING_COMMANDS, PARTNER_COMMANDS, REFERRAL_CARD_COMMANDS, VOLUNTEER_COMMANDS, PROGRAMME_COMMANDS] as Array<CommandTable<unknown, object>>;
const ENTRIES = TABLES.flatMap((table) => Object.entries(table.routes).map(([key, entry]) => ({ table, key, entry })));
/** The route's OpenAPI path: `/cases/{caseId}/tasks/{taskId}/complete`. */
const openApiPath = (prefix: string, path: string) => `/${[prefix, path].filter(Boolean).join('/')}`.replace(/:([A-Za-z]+)/g, '{$1}');

/** The command tables are the contract of every command route: what they declare is what the service does. */
describe('routes made from the command tables', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('memory')));
  afterAll(() => t.close());

  it('describe each entry in OpenAPI: its path, summaries, body and operation id', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    for (const { table, key, entry } of ENTRIES) {
      const operation = doc.paths[openApiPath(table.prefix, entry.path)]?.post;
      expect({ key, operation }).toMatchObject({
        key,
        operation: {
          operationId: `${table.name}_${key}`,
          summary: entry.summary.en,
          description: entry.summary.da,
          tags: [table.tag],
          requestBody: { content: { 'application/json': { schema: { $ref: `#/components/schemas/${entry.body.name}` } } } },
        },
      });
    }
    expect(ENTRIES.length).toBe(18 + 9 + 7 + 5 + 3 + 3 + 2 + 8 + 2 + 12 + 1); // programme settings (1); issue 20: the volunteer's lifecycle (12); issue 21: the partner register (8) and the card inbox (2); issue 22: the screening and its referral; issue #17: the visit plan's 4, the referral's correction, 4 visitor routes; issue #18: the offers' three, a visitor's profile, a case's wishes, introductions and outcomes; issue #19: relatives (2), going along (2), the agreement, the follow-up, referral onward, reassessment, the companion's appointments (3)
  });

  it.each(ENTRIES.map(({ table, key, entry }) => [`${table.name}.${key}`, table, entry] as const))(
    'refuse %s to every role its policy leaves out, before looking at the body, and let the roles it names reach validation',
    async (_name, table, entry) => {
      const url = `/${[table.prefix, entry.path].filter(Boolean).join('/')}`.replace(/:([A-Za-z]+)/g, (_m, name: string) => (name === 'programme' ? 'companion' : randomUUID()));
      for (const role of ROLES.filter((role) => !entry.allow.includes(role))) {
        const principal = role === 'visitor' ? { sub: 'v', role, visitorId: randomUUID() } : { sub: role, role };
        const res = await t.as(principal).post(url).send({ not: 'a valid body' });
        expect({ role, status: res.status, code: res.body.code }).toEqual({ role, status: 403, code: 'forbidden' });
      }
      for (const role of ROLES.filter((role) => entry.allow.includes(role))) {
        const res = await t.as({ sub: role, role }).post(url).send({ not: 'a valid body' });
        expect({ role, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ role, status: 400, field: 'not' });
      }
    },
  );
});
