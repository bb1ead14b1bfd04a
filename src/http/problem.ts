import type { FieldError } from '../../domain/shared/errors';

/**
 * RFC 9457 problem details. Every error the API gives has this shape and the
 * media type `application/problem+json`.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  /** Stable machine-readable code (extension member). */
  code: string;
  /** The rule in Danish, for the people using the service (extension member). */
  userMessage?: string;
  /** For input errors: one entry per field. */
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const problemType = (code: string): string => `urn:brobygger:problem:${code}`;

export function problem(
  status: number,
  code: string,
  detail: string,
  instance: string,
  extra: Partial<Pick<Problem, 'errors' | 'userMessage' | 'title'>> & Record<string, unknown> = {},
): Problem {
  return {
    type: problemType(code),
    title: extra.title ?? TITLES[status] ?? 'Error',
    status,
    detail,
    instance,
    code,
    ...extra,
  };
}
