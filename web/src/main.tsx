import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { whenSignedOut } from './api';
import { ROLE } from './labels';
import { Login } from './pages/Login';
import { SelfReferral } from './pages/public/SelfReferral';
import { HOME, ROUTES, Route } from './routes';
import { match, navigate, usePath } from './router';
import { clearSession, loadSession, Session } from './session';
import { Link } from './ui';
import './styles.css';

function App() {
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const [reason, setReason] = useState<string>();
  const path = usePath();

  useEffect(() => whenSignedOut((why) => signOut(why)), []);
  // An expired session ends on its own, even on a page left open.
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => signOut('Din session er udløbet. Log ind igen.'), Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session]);

  // The bare address opens the role's own home page.
  useEffect(() => {
    if (session && (path === '/' || path === '/app' || path === '/app/')) navigate(HOME[session.role], true);
  }, [session, path]);

  const signOut = (why?: string) => {
    clearSession();
    setSession(undefined);
    setReason(why);
  };

  // The public referral card (issue 21): no sign-in.
  if (path === '/henvis' || path.startsWith('/henvis?')) return <SelfReferral />;
  if (!session) return <Login reason={reason} onSignedIn={(s) => (setSession(s), setReason(undefined), navigate(pathFor(s, path), true))} />;

  const found = findRoute(path);
  const allowed = found && found.route.roles.includes(session.role);
  const nav = ROUTES.filter((r) => r.nav && r.roles.includes(session.role));
  return (
    <>
      <a class="skip" href="#main">
        Spring til indhold
      </a>
      <header class="top">
        <Link href={HOME[session.role]} class="brand">
          Brobygger
        </Link>
        <nav aria-label="Hovedmenu">
          {nav.map((r) => (
            <Link key={r.pattern} href={r.pattern} class="nav-link" aria-current={found?.route === r ? 'page' : undefined}>
              {r.nav}
            </Link>
          ))}
        </nav>
        <div class="who">
          <span>
            {session.username} <span class="muted">({ROLE[session.role]})</span>
          </span>
          <button type="button" class="link" onClick={() => (signOut('Du er logget ud.'), navigate('/', true))}>
            Log ud
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {!found ? (
          <section>
            <h1>Siden findes ikke</h1>
            <p>
              <Link href={HOME[session.role]}>Gå til forsiden</Link>
            </p>
          </section>
        ) : !allowed ? (
          <section>
            <h1>Ingen adgang</h1>
            <p>Som {ROLE[session.role].toLowerCase()} har du ikke adgang til denne side.</p>
            <p>
              <Link href={HOME[session.role]}>Gå til din forside</Link>
            </p>
          </section>
        ) : (
          found.route.render(found.params, session)
        )}
      </main>
    </>
  );
}

function findRoute(path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    const params = match(route.pattern, path);
    if (params) return { route, params };
  }
  return undefined;
}

/** After sign-in: the page asked for, if the role may see it, else the role's home. */
function pathFor(session: Session, path: string): string {
  const found = findRoute(path);
  return found && found.route.roles.includes(session.role) ? path : HOME[session.role];
}

render(<App />, document.getElementById('app')!);
