import { randomInt } from 'node:crypto';

/** One command a client sent, with everything it heard back. */
export interface SentCommand {
  kind: 'referral' | 'triage';
  key: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
  /** Every 2xx answer's body: the first answer, then those to retries with the same key. */
  answers: unknown[];
  /** Answers that were not 2xx (a 503 problem is the only one allowed). */
  refusals: Array<{ status: number; contentType: string; body: unknown }>;
  /** Times the connection ended without an answer (the server was killed). */
  lost: number;
}

/** Holds the clients' new sends while the server is down, and tells them when to stop. */
export class Gate {
  private open: Promise<void> = Promise.resolve();
  private reopen: () => void = () => undefined;
  private stop = false;

  /** Resolves when the server is up (at once if it is). */
  up(): Promise<void> {
    return this.open;
  }

  close(): void {
    this.open = new Promise((resolve) => (this.reopen = resolve));
  }

  release(): void {
    this.reopen();
  }

  /** The clients finish the command under way, and send no new one. */
  finish(): void {
    this.stop = true;
  }

  stopping(): boolean {
    return this.stop;
  }
}

const referral = (client: number, n: number) => ({
  programme: 'care_visits',
  referredAt: '2026-03-02T09:15:00+01:00',
  referrer: { name: 'Jette Holm', role: 'home_nurse', organisation: 'Hjemmeplejen Syd', phone: '+4520304050' },
  citizen: { name: `Borger ${client}-${n}`, address: 'Algade 12, 2. th, 4180 Sorø', phone: '+4557831234' },
  situation: { physical: 'KOL', psychological: 'trist', social: 'enke' },
  needs: ['loneliness_symptoms'],
  consent: { given: true, recordedBy: 'Jette Holm', at: '2026-03-01T14:00:00+01:00' },
});

/** How often a client whose answer was lost gives up instead of retrying (to leave commands in doubt). */
const ABANDON = 0.4;
/** Bounds a retry loop: a retry may itself be cut by the next kill. */
const MAX_SENDS = 30;

/**
 * A client of the coordinator's: refers a citizen, then triages the case with
 * If-Match "0", each command with its own Idempotency-Key. When the server is
 * killed under it, it retries with the same key once the server is back, or
 * (sometimes) gives up, leaving the command in doubt.
 */
export async function runClient(client: number, url: () => string, token: string, gate: Gate, ledger: SentCommand[], prefix: string, abandon = ABANDON): Promise<void> {
  for (let n = 0; !gate.stopping(); n++) {
    const ref = command('referral', `${prefix}-c${client}-r${n}`, '/cases', referral(client, n), {});
    ledger.push(ref);
    const created = (await deliver(ref, url, token, gate, abandon)) as { caseId?: string } | undefined;
    if (!created?.caseId) continue;
    const triage = command('triage', `${prefix}-c${client}-t${n}`, `/cases/${created.caseId}/triage`, { track: 'volunteer', reason: 'Ensom', priority: 'normal' }, { 'if-match': '"0"' });
    ledger.push(triage);
    await deliver(triage, url, token, gate, abandon);
  }
}

function command(kind: SentCommand['kind'], key: string, path: string, body: unknown, headers: Record<string, string>): SentCommand {
  return { kind, key, path, body, headers: { ...headers, 'idempotency-key': key }, answers: [], refusals: [], lost: 0 };
}

/** Sends until answered with 2xx, or gives up after a lost answer; returns the answer body, if any. */
async function deliver(sent: SentCommand, url: () => string, token: string, gate: Gate, abandon: number): Promise<unknown> {
  for (let attempt = 0; attempt < MAX_SENDS; attempt++) {
    await gate.up();
    const answer = await send(sent, url(), token);
    if (answer && answer.status < 300) {
      sent.answers.push(answer.body);
      return answer.body;
    }
    if (answer) sent.refusals.push({ status: answer.status, contentType: answer.contentType, body: answer.body });
    else sent.lost += 1;
    if (answer && answer.status !== 503) return undefined;
    if (!answer && randomInt(100) < abandon * 100) return undefined;
  }
  return undefined;
}

async function send(sent: SentCommand, base: string, token: string): Promise<{ status: number; contentType: string; body: unknown } | undefined> {
  try {
    const res = await fetch(`${base}${sent.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...sent.headers },
      body: JSON.stringify(sent.body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : undefined };
  } catch {
    return undefined;
  }
}
