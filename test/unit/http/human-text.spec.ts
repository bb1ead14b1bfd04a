import { textFault } from '../../../src/http/human-text';

describe('what a human text may hold', () => {
  it.each([
    ['a name', 'Karen Nielsen', 'line'],
    ['a name with Danish letters and a hyphen', 'Søren Ærø-Åberg', 'line'],
    ['a name with an accent made of a combining mark', 'Rene\u0301', 'line'],
    ['a name in another script', 'Ελένη Παπαδοπούλου', 'line'],
    ['a name with an emoji', 'Karen 🌻', 'line'],
    ['a right-to-left name, with no override', 'فاطمة', 'line'],
    ['a note over several lines, with a tab', 'Første linje\r\nAnden linje\n\tindrykket', 'lines'],
  ] as const)('takes %s', (_name, text, kind) => {
    expect(textFault(text, kind)).toBeUndefined();
  });

  it.each([
    ['only spaces', '   ', 'line', 'visible'],
    ['nothing', '', 'line', 'visible'],
    ['only no-break and ideographic spaces', '\u00a0\u3000', 'lines', 'visible'],
    ['only zero-width spaces', '\u200b\u200b', 'line', 'visible'],
    ['only a Hangul filler', '\u3164', 'line', 'visible'],
    ['only line breaks', '\n\n', 'lines', 'visible'],
    ['a right-to-left override', 'Karen \u202eneslieN', 'line', 'U+202E (a bidirectional override)'],
    ['a bidirectional isolate', 'Karen \u2066x\u2069', 'lines', 'U+2066 (a bidirectional override)'],
    ['a byte-order mark', '\ufeffKaren', 'line', 'U+FEFF (a byte-order mark)'],
    ['an escape sequence', 'Karen\u001b[31m', 'lines', 'U+001B (a control character)'],
    ['a bell', 'Karen\u0007', 'line', 'U+0007 (a control character)'],
    ['a C1 control', 'Karen\u0085', 'lines', 'U+0085 (a control character)'],
    ['a noncharacter of the BMP', 'Karen\ufdd0', 'line', 'U+FDD0 (a noncharacter)'],
    ['U+FFFE', 'Karen\ufffe', 'line', 'U+FFFE (a noncharacter)'],
    ['a noncharacter of a supplementary plane', 'Karen\u{1ffff}', 'lines', 'U+1FFFF (a noncharacter)'],
    ['a lone surrogate', 'Karen\ud800', 'lines', 'U+D800 (a lone surrogate)'],
    ['a line break in a name', 'Karen\nNielsen', 'line', 'U+000A (a line break or tab, allowed only in multi-line text)'],
    ['a tab in a name', 'Karen\tNielsen', 'line', 'U+0009'],
  ] as const)('refuses %s', (_name, text, kind, fault) => {
    expect(textFault(text, kind)).toContain(fault);
  });
});
