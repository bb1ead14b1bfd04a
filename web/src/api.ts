import { clearSession, loadSession } from './session';

/** A field the server refused, as its problem lists it. */
export interface FieldError {
  field: string;
  message: string;
}

/** An answer the server refused (application/problem+json), in words people understand. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

/** Called when the server no longer takes the token (expired, or the key changed): the app shows the sign-in page. */
let onSignedOut: (reason: string) => void = () => undefined;
export const whenSignedOut = (handler: (reason: string) => void): void => {
  onSignedOut = handler;
};

function danish(status: number, problem: { code?: string; userMessage?: string }): string {
  if (status === 412) return 'Sagen er ændret af en anden — opdatér';
  if (problem.userMessage) return problem.userMessage;
  if (status === 400) return 'Nogle felter er ikke udfyldt rigtigt. Se beskederne ved felterne.';
  if (status === 401) return 'Din session er udløbet. Log ind igen.';
  if (status === 403) return 'Du har ikke adgang til dette.';
  if (status === 404) return 'Findes ikke (længere).';
  if (status === 422) return 'Anmodningen er allerede sendt med andet indhold.';
  if (status === 429) return 'For mange forsøg. Vent lidt, og prøv igen.';
  if (status === 503) return 'Tjenesten er optaget lige nu. Prøv igen om lidt.';
  return 'Noget gik galt. Prøv igen, og kontakt en administrator, hvis det bliver ved.';
}

export interface Answer<T> {
  data: T;
  etag?: string;
  /** The next page's address, from `Link: <…>; rel="next"` (the access log's pages). */
  next?: string;
}

/** A request to the API with the signed-in user's token; a refusal becomes an ApiError with a Danish message. */
export async function request<T>(path: string, options: { method?: 'GET' | 'POST'; body?: unknown; ifMatch?: string; idempotencyKey?: string; anonymous?: boolean } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const session = options.anonymous ? undefined : loadSession();
  if (!options.anonymous && !session) {
    onSignedOut('Din session er udløbet. Log ind igen.');
    throw new ApiError(401, 'unauthenticated', 'Din session er udløbet. Log ind igen.');
  }
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch {
    throw new ApiError(0, 'network', 'Ingen forbindelse til serveren. Tjek netværket, og prøv igen.');
  }
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const problem = (body ?? {}) as { code?: string; userMessage?: string; errors?: FieldError[] };
    const message = danish(response.status, problem);
    if (response.status === 401 && session) {
      clearSession();
      onSignedOut(message);
    }
    throw new ApiError(response.status, problem.code ?? `http_${response.status}`, message, problem.errors ?? []);
  }
  const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
  return { data: body as T, etag: response.headers.get('etag') ?? undefined, ...(next && { next }) };
}

export const get = async <T>(path: string): Promise<T> => (await request<T>(path)).data;

/** A command: answers `{ caseId, revision, position }` and the case's new ETag. */
export const post = <T = { caseId: string; revision: number; position: number }>(path: string, body: unknown, ifMatch?: string) =>
  request<T>(path, { method: 'POST', body, ...(ifMatch && { ifMatch }) });

/** Query strings without the empty values. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
