/**
 * After a navigation or a save, the keyboard and the screen reader go on from
 * the new page's heading (WCAG 2.4.3), not from `<body>` where the focus falls
 * when the old page's elements are gone. The heading may be drawn only once its
 * data has arrived, and a save redraws the page: so the heading is focused when
 * it appears, and again if the focus falls back to `<body>` shortly after.
 * A visit page draws its sections as their data arrives (the offers suggested
 * last of all), which took more than 3 s on a loaded machine: so 10 s.
 */
const WATCH_MS = 10_000;
let watching: ReturnType<typeof setInterval> | undefined;

export function focusHeading(): void {
  if (watching) clearInterval(watching);
  const until = Date.now() + WATCH_MS;
  let focused: HTMLElement | undefined;
  // The link or button that set this off: the focus may leave it; anything else the user chose meanwhile is kept.
  const trigger = document.activeElement;
  const attempt = () => {
    const heading = document.querySelector<HTMLElement>('main h1');
    const active = document.activeElement;
    const lost = !active || active === document.body;
    // Once the heading had the focus, only a lost focus is taken back: the user may have moved on.
    if (heading && heading !== active && (focused ? lost : lost || active === trigger)) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
      focused = heading;
    } else if (!lost && active !== trigger && active !== (focused ?? heading)) stop();
    if (Date.now() > until) stop();
  };
  const stop = () => {
    if (watching) clearInterval(watching);
    watching = undefined;
  };
  // After the render that the navigation or the save set off.
  setTimeout(attempt, 0);
  watching = setInterval(attempt, 50);
}
