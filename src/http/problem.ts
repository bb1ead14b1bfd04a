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
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * The documented code of an error known only by its status: one Fastify raised
 * before the handler (Nest passes those on as a bare HttpException) or node's
 * parser. Any other status keeps its generic `http_<status>`.
 */
const CODES_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  404: 'route_not_found',
  408: 'request_timeout',
  413: 'body_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  431: 'headers_too_large',
};

export const problemCode = (status: number): string => CODES_BY_STATUS[status] ?? `http_${status}`;

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
