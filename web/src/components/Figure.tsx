/** One headline figure with its name (and a note), read out as a group: the Overblik's and the Effekt page's key figures. */
export function Figure({ name, value, note }: { name: string; value: string | number; note?: string | undefined }) {
  return (
    <div class="figure" role="group" aria-label={name}>
      <span class="figure-value">{value}</span>
      <span class="figure-name">{name}</span>
      {note && <span class="muted">{note}</span>}
    </div>
  );
}
