import type { AdminScreen } from '../../../../core/namespace';
import { DASHBOARD_SCRIPT } from './client';

/**
 * The dashboard screen (`wp-admin/admin.php?page=emulator`): plain HTML in wp-admin's look and a
 * script that reads the control API as the logged-in administrator (cookie + `X-WP-Nonce`, as any
 * wp-admin screen calls the REST API) and refreshes every second. Every value from the site is put
 * on the page as text (never as HTML), so nothing a request or a mail carries can run as script.
 */

export interface DashboardPageOptions {
  /** `<site>/wp-json/` */
  restRoot: string;
  /** The `wp_rest` nonce of the logged-in administrator. */
  nonce: string;
}

const TABS: Array<[string, string]> = [
  ['tokens', 'Tokens'],
  ['mail', 'Mail'],
  ['requests', 'Requests'],
  ['clock', 'Clock'],
  ['faults', 'Faults'],
  ['reset', 'Reset'],
];

const CSS = `
.emu-tabs{display:flex;gap:4px;border-bottom:1px solid #c3c4c7;margin:8px 0 12px}
.emu-tabs button{border:1px solid #c3c4c7;border-bottom:none;background:#dcdcde;padding:6px 14px;font-size:14px;cursor:pointer;border-radius:3px 3px 0 0}
.emu-tabs button[aria-selected=true]{background:#f0f0f1;font-weight:600;margin-bottom:-1px;border-bottom:1px solid #f0f0f1}
.emu-panel[hidden]{display:none}
.emu-clockbar{text-align:right;margin:-34px 0 14px;font-size:13px;color:#50575e}
.emu-state{display:inline-block;padding:0 8px;border-radius:9px;font-size:12px;line-height:18px;color:#fff;background:#787c82}
.emu-state-active{background:#00a32a}.emu-state-expired{background:#dba617;color:#1d2327}.emu-state-revoked{background:#d63638}.emu-state-rotated{background:#2271b1}
.emu-split{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin-top:12px}
.emu-split pre,.emu-mail pre{background:#fff;border:1px solid #c3c4c7;padding:8px;overflow:auto;max-height:420px;white-space:pre-wrap;word-break:break-all;font-size:12px}
.emu-filters{display:flex;gap:8px;flex-wrap:wrap;align-items:center}
.emu-filters label{display:flex;gap:4px;align-items:center}
.widefat tr.emu-selected td{background:#f0f6fc}
.widefat td button.link{background:none;border:none;color:#2271b1;cursor:pointer;padding:0;text-align:left;font:inherit;text-decoration:underline}
.emu-mail{display:grid;grid-template-columns:minmax(260px,1fr) 2fr;gap:12px}
.emu-mail dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:0 0 8px}
.emu-mail dt{font-weight:600}
.emu-why{color:#b32d2e;font-weight:600}
.emu-form{display:flex;gap:8px;flex-wrap:wrap;align-items:flex-end;margin:8px 0}
.emu-form label{display:flex;flex-direction:column;gap:2px}
.emu-form input,.emu-form select{min-height:30px}
#emu-status{min-height:1.4em}
`;

function panel(id: string, label: string, html: string, hidden: boolean): string {
  return `<section class="emu-panel" id="emu-panel-${id}" role="tabpanel" aria-labelledby="emu-tab-${id}"${hidden ? ' hidden' : ''}><h2 class="screen-reader-text">${label}</h2>${html}</section>`;
}

const PANELS: Record<string, string> = {
  tokens:
    `<p class="description">Every token a vendor namespace handed out (in an answer or a mail) and still knows. Never the token itself: its first characters and its SHA-256.</p>` +
    `<div id="emu-tokens"></div>`,
  mail:
    `<div class="emu-mail"><div><table class="widefat striped"><thead><tr><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Sent</th></tr></thead><tbody id="emu-mail-list"></tbody></table></div>` +
    `<div id="emu-mail-view" aria-live="polite"><p class="description">Choose a mail.</p></div></div>`,
  requests:
    `<div class="emu-filters"><label>Namespace <select id="emu-f-namespace"><option value="">all</option></select></label>` +
    `<label>Method <select id="emu-f-method"><option value="">all</option></select></label>` +
    `<label>Status <input type="text" id="emu-f-status" size="8" placeholder="4xx"></label>` +
    `<label>User <select id="emu-f-user"><option value="">all</option><option value="(anonymous)">(anonymous)</option></select></label>` +
    `<button type="button" class="button" id="emu-har">Download HAR</button></div>` +
    `<table class="widefat striped"><thead><tr><th scope="col">#</th><th scope="col">Time</th><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Status</th><th scope="col">User</th></tr></thead><tbody id="emu-requests"></tbody></table>` +
    `<div id="emu-request-view" aria-live="polite"></div>`,
  clock:
    `<p>Site clock: <strong id="emu-clock-now"></strong> (<span id="emu-clock-mode"></span>)</p>` +
    `<div class="emu-form"><button type="button" class="button" id="emu-clock-freeze">Freeze</button>` +
    `<label>Seconds <input type="number" id="emu-clock-seconds" value="901" step="any"></label><button type="button" class="button button-primary" id="emu-clock-advance">Advance</button>` +
    `<label>Time (ISO 8601) <input type="text" id="emu-clock-time" size="26" placeholder="2030-01-01T00:00:00Z"></label><button type="button" class="button" id="emu-clock-set">Set</button>` +
    `<button type="button" class="button" id="emu-clock-real">Real time</button></div>`,
  faults:
    `<table class="widefat striped"><thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Status</th><th scope="col">Latency</th><th scope="col">Remaining</th><th scope="col">Matched</th><th scope="col"></th></tr></thead><tbody id="emu-faults"></tbody></table>` +
    `<h3>Add a fault</h3><form class="emu-form" id="emu-fault-form"><label>Method <input type="text" name="method" value="*" size="6"></label>` +
    `<label>Path (glob) <input type="text" name="path" size="40" placeholder="/wp-json/availo/v1/**" required></label>` +
    `<label>Status <input type="number" name="status" min="200" max="599" placeholder="503"></label>` +
    `<label>Latency ms <input type="number" name="latencyMs" min="0" max="60000"></label>` +
    `<label>Times <input type="number" name="times" min="1"></label><button type="submit" class="button button-primary">Add fault</button></form>`,
  reset:
    `<p>Back to the fixtures: every store collection, the outbox, caches, faults and the clock. The journal is kept.</p>` +
    `<p><button type="button" class="button delete" id="emu-reset">Reset the emulator…</button></p>` +
    `<div id="emu-reset-confirm" hidden role="alertdialog" aria-labelledby="emu-reset-q"><p id="emu-reset-q"><strong>Reset everything to the fixtures?</strong> This cannot be undone.</p>` +
    `<button type="button" class="button button-primary" id="emu-reset-yes">Yes, reset</button> <button type="button" class="button" id="emu-reset-no">Cancel</button></div>`,
};

/** The screen's body, its style and script (the host page puts them in wp-admin's frame). */
export function dashboardPage(options: DashboardPageOptions): { title: string; body: string; script: string } {
  const tabs = TABS.map(
    ([id, label], i) => `<button type="button" role="tab" id="emu-tab-${id}" aria-controls="emu-panel-${id}" aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}">${label}</button>`,
  ).join('');
  const config = JSON.stringify({ root: options.restRoot, nonce: options.nonce }).replace(/</g, '\\u003c');
  return {
    title: 'Emulator',
    body:
      `<style>${CSS}</style><div class="emu-clockbar" aria-live="off">Site clock: <span id="emu-clock-bar"></span></div>` +
      `<div id="emu-status" role="status"></div><div class="emu-tabs" role="tablist" aria-label="Emulator">${tabs}</div>` +
      TABS.map(([id, label], i) => panel(id, label, PANELS[id]!, i !== 0)).join(''),
    script: `window.EMULATOR_DASHBOARD=${config};\n${DASHBOARD_SCRIPT}`,
  };
}

/** The dashboard as the module's wp-admin screen (administrators only). */
export const dashboardScreen: AdminScreen = {
  slug: 'emulator',
  menuTitle: 'Emulator',
  capability: 'manage_options',
  render: ({ restRoot, restNonce }) => dashboardPage({ restRoot, nonce: restNonce }),
};
