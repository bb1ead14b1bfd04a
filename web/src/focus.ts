/**
 * After a navigation or a save, the keyboard and the screen reader go on from
 * the new page's heading (WCAG 2.4.3), not from `<body>` where the focus falls
 * when the old page's elements are gone. The heading may be drawn only once its
 * data has arrived, and a save redraws the page: so the heading is focused when
 * it appears, and again whenever the focus falls back to `<body>`.
 *
 * The watch ends when the user acts (a key, a tap or a click), not after a
 * fixed time: a visit page draws its sections as their data arrives, and on a
 * loaded machine that took longer than any clock we chose (3 s, then 10 s).
 * A minute is only a bound for a page left alone.
 */
const LONGEST_MS = 60_000;
let stopWatching: (() => void) | undefined;

export function focusHeading(): void {
  stopWatching?.();
  const until = Date.now() + LONGEST_MS;
  let focused: HTMLElement | undefined;
  let stopped = false;
  // The link or button that set this off: the focus may be taken from it; from anything else only once lost.
  const trigger = document.activeElement;
  const attempt = () => {
    if (stopped) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    const active = document.activeElement;
    const lost = !active || active === document.body;
    // Once the heading had the focus, only a lost focus is taken back: the user may have moved on.
    if (heading && heading !== active && (focused ? lost : lost || active === trigger)) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
      focused = heading;
    }
    if (Date.now() > until) stop();
  };
  // The user's own key or pointer: from here on the focus is theirs.
  const stop = () => {
    stopped = true;
    clearInterval(watching);
    document.removeEventListener('keydown', stop, true);
    document.removeEventListener('pointerdown', stop, true);
    if (stopWatching === stop) stopWatching = undefined;
  };
  // After the render that the navigation or the save set off.
  setTimeout(attempt, 0);
  const watching = setInterval(attempt, 50);
  document.addEventListener('keydown', stop, true);
  document.addEventListener('pointerdown', stop, true);
  stopWatching = stop;
}
