import type { Reason } from '../../matching';

/** Why a visitor or an offer is suggested: one chip per reason, its points for screen readers and on hover. */
export function ReasonChips({ reasons }: { reasons: Reason[] }) {
  return (
    <ul class="chips" aria-label="Grunde til forslaget">
      {reasons.map((r) => (
        <li key={r.code} class="chip" data-code={r.code} title={`${r.points} point`}>
          {r.text}
          <span class="sr-only"> ({r.points} point)</span>
        </li>
      ))}
    </ul>
  );
}
