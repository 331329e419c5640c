/**
 * The status page's self-refresh (progressive enhancement: without JavaScript the page has a meta refresh inside
 * <noscript> instead). While the claim moves, it asks for the status JSON of the same URL (a few hundred bytes, not
 * the page) and reloads the page only when something changed: the status or the number of timeline entries. It backs
 * off while nothing changes, and does not ask while the tab is hidden. The page leaves this script out when the family
 * turned automatic updates off (WCAG 2.2.1: a person can turn a time limit off), when a form is on the page, and once
 * nothing moves any more.
 *
 * Runs in the browser, not in Node: `npm run build:assets` bundles it into ../assets/status.generated.ts, served as
 * /assets/status.js. It reads data-every (seconds before the first look) and data-seen (`STATUS:entries`, the state the
 * page shows) from its script tag.
 */

/** The most it waits between two looks, however long nothing changes (an approval can take days). */
const MAX_WAIT_MS = 300_000;

(() => {
  const me = document.currentScript;
  if (!me) return;
  const seen = me.getAttribute('data-seen');
  let wait = Math.max(1, Number(me.getAttribute('data-every')) || 20) * 1000;

  const look = async (): Promise<void> => {
    if (!document.hidden) {
      try {
        const response = await fetch(location.href, {
          headers: { accept: 'application/json' },
          cache: 'no-store',
          credentials: 'same-origin',
        });
        if (response.ok) {
          const status = (await response.json()) as { status?: string; timeline?: unknown[] };
          if (`${status.status}:${status.timeline ? status.timeline.length : 0}` !== seen) {
            location.reload();
            return;
          }
        }
      } catch {
        // No signal for a moment: look again later.
      }
    }
    wait = Math.min(Math.round(wait * 1.5), MAX_WAIT_MS);
    setTimeout(look, wait);
  };
  setTimeout(look, wait);
})();

// A module, so that its declarations stay out of the global scope of the type check; the bundle is an IIFE.
export {};
