/**
 * KurrentDB for the tests: only where KURRENTDB_URL names one. No server runs
 * on the workplace's machines or in CI, so a missing one skips (also with
 * CI=true); a named one that does not answer fails, as it should.
 */
export const kurrentdbUrl = (): string | undefined => process.env.KURRENTDB_URL;

export function describeKurrentDb(name: string, body: (url: string) => void): void {
  const url = kurrentdbUrl();
  if (url) return describe(name, () => body(url));
  console.warn(
    `Skipping "${name}": KURRENTDB_URL is not set. Start a server with \`docker compose up kurrentdb\`, then run with KURRENTDB_URL=kurrentdb://127.0.0.1:2113?tls=false.`,
  );
  describe.skip(name, () => body('kurrentdb://unset'));
}
