import { useRef, useState } from 'preact/hooks';
import { ApiError, request } from '../api';
import { Session, saveSession } from '../session';
import { Field, Notice } from '../ui';

/** "Log ind": the only page before sign-in. It asks the server for nothing until the form is sent. */
export function Login({ onSignedIn, reason }: { onSignedIn: (session: Session) => void; reason?: string | undefined }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const missing = { ...(!username.trim() && { username: 'Skriv dit brugernavn.' }), ...(!password && { password: 'Skriv din adgangskode.' }) };
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      // The first empty field takes the focus; its message is read with it (aria-describedby).
      form.current?.querySelector<HTMLInputElement>(missing.username ? 'input[name=username]' : 'input[name=password]')?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      const { data } = await request<{ token: string }>('/auth/login', { method: 'POST', body: { username: username.trim(), password }, anonymous: true });
      const session = saveSession(data.token);
      if (session) onSignedIn(session);
    } catch (error) {
      // The same words for an unknown user and a wrong password: the server gives no hint either.
      setFailure(error instanceof ApiError && error.status === 401 ? 'Brugernavn eller adgangskode er forkert.' : (error as Error).message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="login" id="main">
      <form ref={form} class="card login-card" onSubmit={submit} noValidate aria-labelledby="login-title">
        <h1 id="login-title">Log ind</h1>
        <p class="muted">Brobygger: henvisninger, besøg og relationer.</p>
        {reason && !failure && <Notice kind="info">{reason}</Notice>}
        {/* A live region present from the start: a refusal written into it is read out (one inserted with its text often is not). */}
        <div role="alert" aria-atomic="true">
          {failure && <p class="notice notice-error">{failure}</p>}
        </div>
        <Field label="Brugernavn" error={errors.username} required>
          {(attrs) => <input {...attrs} name="username" autoComplete="username" autoCapitalize="none" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />}
        </Field>
        <Field label="Adgangskode" error={errors.password} required>
          {(attrs) => <input {...attrs} name="password" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Logger ind …' : 'Log ind'}
        </button>
      </form>
    </main>
  );
}
