import qrcode from 'qrcode-generator';
import { useState } from 'preact/hooks';
import { get } from '../../api';
import { Field, Link, LoadState, useLoad } from '../../ui';

const PHONE_KEY = 'brobygger.card-phone';

/** The QR code of a text as an SVG of squares (ADR 0011): no script or style inline, as crisp as the printer allows. */
export function QrCode({ text, title }: { text: string; title: string }) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  const cells: Array<[number, number]> = [];
  for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) if (qr.isDark(row, col)) cells.push([col, row]);
  return (
    <svg viewBox={`-4 -4 ${size + 8} ${size + 8}`} role="img" aria-label={title} shape-rendering="crispEdges">
      <rect x={-4} y={-4} width={size + 8} height={size + 8} fill="#fff" />
      {cells.map(([x, y]) => (
        <rect key={`${x}-${y}`} x={x} y={y} width={1} height={1} fill="#000" />
      ))}
    </svg>
  );
}

/**
 * A partner's printable referral card (issue 21): the service's phone, the
 * address of /henvis and a QR code of it with the partner's code, so cards
 * sent from it count for the partner. Printed from the browser ("Udskriv").
 */
export function PrintableCard({ partnerId }: { partnerId: string }) {
  const loaded = useLoad(() => get<{ name: string; partnerCode: string }>(`/partners/${partnerId}`), [partnerId]);
  const [phone, setPhone] = useState(() => localStorage.getItem(PHONE_KEY) ?? '');
  const keep = (value: string) => (setPhone(value), localStorage.setItem(PHONE_KEY, value));
  return (
    <section>
      <div class="page-head no-print">
        <h1>Henvisningskort til udskrift</h1>
        <Link href={`/app/samarbejdspartnere/${partnerId}`}>Tilbage til samarbejdspartneren</Link>
      </div>
      <LoadState loaded={loaded}>
        {() => {
          const { name, partnerCode } = loaded.data!;
          const address = `${location.origin}/henvis?p=${partnerCode}`;
          return (
            <>
              <div class="no-print">
                <Field label="Vores telefonnummer på kortet" hint="Huskes til næste kort">
                  {(a) => <input {...a} type="tel" value={phone} onInput={(e) => keep(e.currentTarget.value)} />}
                </Field>
                <button type="button" class="primary" onClick={() => window.print()}>
                  Udskriv
                </button>
              </div>
              <article class="card print-card" aria-label="Henvisningskortet">
                <h2>Henvisningskort</h2>
                <p>Kender du en, der er ensom? Henvis borgeren – eller ring til os.</p>
                <QrCode text={address} title={`QR-kode til ${address}`} />
                <p>
                  <strong>{address}</strong>
                </p>
                {phone.trim() && (
                  <p>
                    Telefon: <strong>{phone.trim()}</strong>
                  </p>
                )}
                <p class="muted">
                  {name} · kode {partnerCode}
                </p>
              </article>
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
