/**
 * People's names as a coordinator types them, compared for "is this the same
 * person?" (a referral whose CPR number is known) and cut into tokens for the
 * citizen lookup. Pure: no locale data beyond what is written here.
 */

/** Danish letters folded to what people type without them (Søren → soeren, Åse → aase, Bærbel → baerbel). */
const DANISH_FOLDS: Readonly<Record<string, string>> = { æ: 'ae', ø: 'oe', å: 'aa' };

/** One name token folded: lower case, Danish letters spelled out, other diacritics dropped (José → jose), aa/oe/ae kept as typed. */
export function foldToken(token: string): string {
  return token
    .toLocaleLowerCase('da')
    .replace(/[æøå]/g, (letter) => DANISH_FOLDS[letter]!)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A name's tokens, folded, in order: split on spaces, hyphens and full stops ("Hansen-Berg" is two tokens). */
export function nameTokens(name: string): string[] {
  return name
    .split(/[\s\-.,]+/u)
    .map(foldToken)
    .filter((token) => token.length > 0);
}

/** Two tokens agree when equal, or when one is an initial ("K.") of the other. */
function agree(a: string, b: string): boolean {
  if (a === b) return true;
  return (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

/**
 * Whether two names can be the same person: the first names agree and the last
 * names agree, middle names aside ("Karen Hansen" is "Karen Marie Hansen";
 * "Poul Jensen" is not "Karen Hansen"). A one-word name agrees with either end.
 * A married or changed surname reads as another person: the coordinator then
 * refers the citizen by `citizenId`, having checked.
 */
export function sameName(a: string, b: string): boolean {
  const x = nameTokens(a);
  const y = nameTokens(b);
  if (x.length === 0 || y.length === 0) return false;
  if (x.length === 1 || y.length === 1) {
    const [one, other] = x.length === 1 ? [x[0]!, y] : [y[0]!, x];
    return agree(one, other[0]!) || agree(one, other[other.length - 1]!);
  }
  return agree(x[0]!, y[0]!) && agree(x[x.length - 1]!, y[y.length - 1]!);
}
