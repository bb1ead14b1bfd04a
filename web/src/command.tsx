import { useState } from 'preact/hooks';
import { ApiError, post } from './api';
import { focusHeading } from './focus';
import { Notice } from './ui';

/**
 * Sends one command on a case with the revision the page was showing
 * (If-Match), so a change made by someone else meanwhile is refused (412)
 * instead of overwritten; the message then asks to refresh.
 */
export function useCommand(onDone: (answer: { revision: number; position: number }) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const send = async (path: string, body: unknown, etag: string | undefined) => {
    setBusy(true);
    setError(undefined);
    try {
      const { data } = await post(path, body, etag);
      onDone(data);
      focusHeading();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, send, clear: () => setError(undefined) };
}

/** The refusal of a command: the rule in Danish (409), or "changed by someone else" with a way to refresh (412). */
export function CommandError({ error, onRefresh }: { error: ApiError | undefined; onRefresh: () => void }) {
  if (!error) return null;
  return (
    <Notice kind="error">
      {error.message}
      {error.status === 412 && (
        <>
          {' '}
          <button type="button" class="link" onClick={onRefresh}>
            Opdatér
          </button>
        </>
      )}
    </Notice>
  );
}
