import Fastify, { FastifyRequest } from 'fastify';
import { AnswerSteps, installAnswerPrivacy, RequestWithPrivacy } from '../../../src/privacy/answer-privacy';

/** A Fastify app with the answer hook, its steps recorded, and a route whose privacy and answer the test chooses. */
async function appAnswering(answer: unknown, privacy: RequestWithPrivacy['answerPrivacy'], role = 'coordinator') {
  const calls: string[] = [];
  const steps: AnswerSteps = {
    recordRead: () => void calls.push('recordRead'),
    reveal: async (body) => {
      calls.push('reveal');
      return JSON.parse(JSON.stringify(body).replace(/enc:v1:[^"]*/g, 'opened')) as unknown;
    },
    pseudonymise: (body) => {
      calls.push('pseudonymise');
      return { pseudonymised: body };
    },
  };
  const app = Fastify();
  installAnswerPrivacy(app, steps);
  app.get('/', (request: FastifyRequest & RequestWithPrivacy & { principal?: { role: string } }) => {
    request.answerPrivacy = privacy;
    request.principal = { role };
    return answer;
  });
  const response = await app.inject({ method: 'GET', url: '/' });
  await app.close();
  return { calls, body: response.json() as unknown };
}

describe('the answer privacy hook', () => {
  it('answers a command (nothing sealed, no personal data declared) as it is, without opening anything', async () => {
    expect(await appAnswering({ caseId: 'c', revision: 3, position: 9 }, { pseudonymised: false })).toEqual({ calls: [], body: { caseId: 'c', revision: 3, position: 9 } });
  });

  it('opens the sealed fields of an answer, however deep', async () => {
    expect(await appAnswering({ items: [{ name: 'enc:v1:abc' }] }, { pseudonymised: false })).toEqual({ calls: ['reveal'], body: { items: [{ name: 'opened' }] } });
  });

  it('records a declared read, then pseudonymises an auditor\'s answer still sealed, and opens nothing for them', async () => {
    const result = await appAnswering({ name: 'enc:v1:abc' }, { personalData: 'case' as never, pseudonymised: true }, 'auditor');
    expect(result).toEqual({ calls: ['recordRead', 'pseudonymise'], body: { pseudonymised: { name: 'enc:v1:abc' } } });
  });

  it('pseudonymises an auditor\'s answer with nothing sealed too, and nobody else\'s', async () => {
    expect((await appAnswering({ a: 1 }, { pseudonymised: true }, 'auditor')).body).toEqual({ pseudonymised: { a: 1 } });
    expect((await appAnswering({ a: 1 }, { pseudonymised: true }, 'coordinator')).body).toEqual({ a: 1 });
  });

  it('leaves an answer alone on a request the guard did not let through (no privacy declared)', async () => {
    expect(await appAnswering({ name: 'enc:v1:abc' }, undefined)).toEqual({ calls: [], body: { name: 'enc:v1:abc' } });
  });
});
