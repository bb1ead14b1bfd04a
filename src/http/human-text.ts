import { IsString, MaxLength, registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * Text people write and other people read: names, addresses, notes. Checked
 * by kind, since a note may span lines and a name may not:
 * - `line` (names, addresses, organisations, themes): one line, no tab;
 * - `lines` (notes, reasons, descriptions, the situation): line feeds,
 *   carriage returns and tabs allowed.
 * Neither kind may hold a control character (C0 but the above, DEL, C1), a
 * bidirectional embedding, override or isolate (U+202A–U+202E,
 * U+2066–U+2069: they make a name read backwards), a byte-order mark
 * (U+FEFF), a noncharacter or a lone surrogate; and each needs a visible
 * character (only spaces, or only invisible marks, is no name).
 */
export type TextKind = 'line' | 'lines';

const FORBIDDEN: Record<TextKind, RegExp> = {
  line: /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF\p{Noncharacter_Code_Point}\p{Cs}]/u,
  lines: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\p{Noncharacter_Code_Point}\p{Cs}]/u,
};

/** A character that shows: not a space, a control, a format character, a mark alone, nor a blank letter (Hangul fillers, the blank Braille pattern). */
const VISIBLE = /[^\s\p{Z}\p{Cc}\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/u;

/** What is wrong with a text of this kind, in English for `errors[].message`; undefined when nothing is. */
export function textFault(value: string, kind: TextKind): string | undefined {
  const bad = FORBIDDEN[kind].exec(value);
  if (bad) return `must not contain the character U+${codePointOf(bad[0])} (${characterKind(bad[0])})`;
  if (!VISIBLE.test(value)) return 'must contain a visible character';
  return undefined;
}

const codePointOf = (character: string): string => (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');

function characterKind(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) return 'a line break or tab, allowed only in multi-line text';
  if (code < 0xa0) return 'a control character';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return 'a bidirectional override';
  if (code === 0xfeff) return 'a byte-order mark';
  if (code >= 0xd800 && code <= 0xdfff) return 'a lone surrogate';
  return 'a noncharacter';
}

/** The constraint's names, by which the problem's Danish `userMessage` is chosen (src/http/validation.ts). */
export const INVISIBLE_TEXT = 'visibleText';
export const UNPRINTABLE_TEXT = 'printableText';

/**
 * A human text field: a string of at most `maxLength` characters, of the
 * kind's characters, with something visible in it. An optional field is left
 * out to say "none" (an empty string is no name either). With `{ each: true }`
 * every item of an array.
 */
export function HumanText(kind: TextKind, maxLength: number, options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    IsString(options)(target, property);
    MaxLength(maxLength, options)(target, property);
    const register = (name: string, fits: (text: string) => boolean, fault: (text: string) => string) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: property as string,
        options: { ...options, message: (args: ValidationArguments) => faultOf(args.property, args.value, fits, fault) },
        validator: { validate: (value: unknown) => typeof value !== 'string' || fits(value) },
      });
    register(UNPRINTABLE_TEXT, (text) => !FORBIDDEN[kind].test(text), (text) => textFault(text, kind) ?? '');
    register(INVISIBLE_TEXT, (text) => FORBIDDEN[kind].test(text) || VISIBLE.test(text), () => 'must contain a visible character');
  };
}

/** The message for the value, or for the first item at fault when the rule is checked on each item of an array. */
function faultOf(property: string, value: unknown, fits: (text: string) => boolean, fault: (text: string) => string): string {
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const first = items.find((item): item is string => typeof item === 'string' && !fits(item));
  const message = first === undefined ? '' : fault(first);
  return Array.isArray(value) ? `each value in ${property} ${message}` : `${property} ${message}`;
}

/** The Danish words for a refused text, by the rule it broke. */
export const TEXT_USER_MESSAGES: Record<string, string> = {
  [UNPRINTABLE_TEXT]: 'Teksten indeholder usynlige tegn eller styretegn, som ikke kan gemmes (det sker fx ved kopiering fra et andet program). Skriv teksten igen uden dem.',
  [INVISIBLE_TEXT]: 'Feltet skal udfyldes med synlig tekst – mellemrum alene er ikke nok.',
};
