/** The words of an error, whatever was thrown. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A connection URL without its password, for error messages and logs (DATABASE_URL, KURRENTDB_URL may hold one). */
export const redactUrl = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
