import { useEffect, useState } from 'preact/hooks';
import { focusHeading } from './focus';

/**
 * The app's own pages live under /app/ (the server answers the same page for
 * each); the browser's history moves between them without a reload.
 */
const listeners = new Set<() => void>();

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
  window.scrollTo(0, 0);
  focusHeading();
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname + location.search);
  useEffect(() => {
    const update = () => setPath(location.pathname + location.search);
    const back = () => (update(), focusHeading());
    listeners.add(update);
    window.addEventListener('popstate', back);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', back);
    };
  }, []);
  return path;
}

/** `/app/sager/:caseId` against `/app/sager/123` → `{ caseId: '123' }`, or undefined. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const wanted = pattern.split('/');
  const actual = (path.split('?')[0] ?? '').replace(/\/$/, '').split('/');
  if (wanted.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < wanted.length; i++) {
    if (wanted[i]!.startsWith(':')) params[wanted[i]!.slice(1)] = decodeURIComponent(actual[i]!);
    else if (wanted[i] !== actual[i]) return undefined;
  }
  return params;
}

/** A link inside the app: a real <a href> (so it opens in a new tab and works by keyboard), moved in place on a plain click. */
export function onLinkClick(event: MouseEvent): void {
  const anchor = (event.currentTarget as HTMLAnchorElement | null) ?? undefined;
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(anchor.getAttribute('href') ?? '/app');
}
