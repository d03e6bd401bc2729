/**
 * The dashboard's script, sent as is in the page (no build step). It polls the control API every
 * second as the logged-in administrator and builds every element with textContent, never innerHTML.
 * The countdowns follow the site clock: the last known clock time, plus the time since, unless frozen.
 * (Kept free of backticks and dollar-brace: it lives in a template string.)
 */
export const DASHBOARD_SCRIPT = String.raw`(function () {
  'use strict';
  var cfg = window.EMULATOR_DASHBOARD;
  var state = { clock: null, tokens: [], mails: [], journal: [], faults: [], mailId: null, entryId: null, seen: {} };
  var byId = function (id) { return document.getElementById(id); };

  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === 'text') el.textContent = attrs[k];
      else if (k === 'onclick') el.addEventListener('click', attrs[k]);
      else if (attrs[k] !== null && attrs[k] !== undefined) el.setAttribute(k, attrs[k]);
    }
    for (var i = 2; i < arguments.length; i++) if (arguments[i] != null) el.append(arguments[i]);
    return el;
  }
  function status(text, error, link) {
    var s = byId('emu-status'); s.textContent = text; s.className = error ? 'notice notice-error' : text ? 'notice notice-success' : '';
    if (link) s.append(' ', h('a', { href: link[0], text: link[1] }));
  }
  var loginAgain = function () { return [cfg.root.replace(/wp-json\/$/, '') + 'wp-login.php?redirect_to=' + encodeURIComponent(location.href), 'Log in again']; };

  function call(method, url, body) {
    var headers = { 'X-WP-Nonce': cfg.nonce, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) }).then(function (res) {
      var fresh = res.headers.get('X-WP-Nonce'); if (fresh) cfg.nonce = fresh;
      return res.text().then(function (text) {
        var data = null; try { data = text ? JSON.parse(text) : null; } catch (e) { data = text; }
        if (!res.ok) { var err = new Error((data && data.message) || (data && data.data && data.data.attributes && data.data.attributes.message) || ('HTTP ' + res.status)); err.status = res.status; throw err; }
        return { status: res.status, data: data };
      });
    });
  }
  var api = function (method, route, body) { return call(method, cfg.root + 'emulator/v1' + route, body).then(function (r) { return r.data; }); };

  function siteNow() {
    var c = state.clock; if (!c) return Date.now() / 1000;
    return c.timestamp + (c.mode === 'frozen' ? 0 : (performance.now() - c.at) / 1000);
  }
  function iso(seconds) { return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'); }
  function left(seconds) {
    if (seconds <= 0) return 'expired';
    var s = Math.floor(seconds), d = Math.floor(s / 86400), hh = Math.floor(s % 86400 / 3600), mm = Math.floor(s % 3600 / 60), ss = s % 60;
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return (d ? d + 'd ' : '') + (d || hh ? pad(hh) + ':' : '') + pad(mm) + ':' + pad(ss);
  }
  function changed(key, value) { var j = JSON.stringify(value); if (state.seen[key] === j) return false; state.seen[key] = j; return true; }

  function renderTokens() {
    var box = byId('emu-tokens'); box.textContent = '';
    if (!state.tokens.length) { box.append(h('p', { text: 'No token issued yet.' })); return; }
    var vendors = [];
    state.tokens.forEach(function (t) { if (vendors.indexOf(t.vendor) < 0) vendors.push(t.vendor); });
    vendors.forEach(function (vendor) {
      var body = h('tbody');
      state.tokens.filter(function (t) { return t.vendor === vendor; }).forEach(function (t) {
        body.append(h('tr', { 'data-hash': t.hash, 'data-vendor': t.vendor },
          h('td', null, h('code', { text: t.prefix })), h('td', null, h('code', { text: t.hash.slice(0, 16) + '…', title: 'SHA-256 ' + t.hash })),
          h('td', { text: t.sub || '' }), h('td', { text: iso(t.iat) }), h('td', { text: t.exp === null ? 'never' : iso(t.exp) }),
          h('td', { class: 'emu-countdown', 'data-exp': t.exp === null ? '' : String(t.exp) }),
          h('td', null, h('span', { class: 'emu-state emu-state-' + t.state, 'data-state': t.state, text: t.state })),
          h('td', { class: 'description', text: t.source })));
      });
      box.append(h('h3', { text: vendor }), h('table', { class: 'widefat striped emu-token-table', 'data-vendor': vendor },
        h('thead', null, h('tr', null, h('th', { text: 'Token' }), h('th', { text: 'Hash' }), h('th', { text: 'Subject' }), h('th', { text: 'Issued' }), h('th', { text: 'Expires' }), h('th', { text: 'Time left' }), h('th', { text: 'State' }), h('th', { text: 'Handed out' }))), body));
    });
    tick();
  }

  function tick() {
    if (!state.clock) return; // until the site clock is known, nothing to count with
    var now = siteNow();
    byId('emu-clock-bar').textContent = iso(Math.floor(now)) + (state.clock ? ' (' + state.clock.mode + ')' : '');
    byId('emu-clock-now').textContent = iso(Math.floor(now));
    var rows = document.querySelectorAll('#emu-tokens .emu-countdown');
    for (var i = 0; i < rows.length; i++) {
      var exp = rows[i].getAttribute('data-exp');
      rows[i].textContent = exp ? left(Number(exp) - now) : '—';
      var badge = rows[i].parentNode.querySelector('.emu-state');
      if (exp && Number(exp) <= now && badge.getAttribute('data-state') === 'active') { badge.textContent = 'expired'; badge.className = 'emu-state emu-state-expired'; badge.setAttribute('data-state', 'expired'); }
    }
  }

  var LINK = /https?:\/\/[^\s<>"']+/g;
  function linkify(text) {
    var pre = h('pre', { class: 'emu-mail-text' }), last = 0, m;
    LINK.lastIndex = 0;
    while ((m = LINK.exec(text))) {
      pre.append(text.slice(last, m.index));
      pre.append(h('a', { href: m[0], target: '_blank', rel: 'noopener noreferrer', text: m[0] }));
      last = m.index + m[0].length;
    }
    pre.append(text.slice(last));
    return pre;
  }

  // A vendor's own web page a mail links to, played here: pkmnapi's delete-user page sends the DELETE with the code.
  var PKMNAPI_DELETE = /^https:\/\/www\.pkmnapi\.com\/actions\/delete-user\?(.*)$/;
  function pkmnapiDelete(query) {
    var p = new URLSearchParams(query), box = byId('emu-mail-action');
    box.textContent = 'www.pkmnapi.com: deleting the access token of ' + p.get('email_address') + '…';
    call('DELETE', cfg.root + 'pkmnapi/v1/access_tokens', { data: { type: 'access_tokens', attributes: { code: p.get('code'), email_address: p.get('email_address') } } })
      .then(function (r) { box.textContent = 'www.pkmnapi.com: the access token of ' + p.get('email_address') + ' is deleted (' + r.status + ').'; box.className = 'notice notice-success'; refresh(); })
      .catch(function (e) { box.textContent = 'www.pkmnapi.com: ' + e.message; box.className = 'notice notice-error'; });
  }

  function renderMailList() {
    var list = byId('emu-mail-list'); list.textContent = '';
    state.mails.slice().reverse().forEach(function (m) {
      list.append(h('tr', { class: m.id === state.mailId ? 'emu-selected' : null },
        h('td', { text: m.to }), h('td', null, h('button', { type: 'button', class: 'link', 'data-mail': m.id, text: m.subject || '(no subject)', onclick: function () { state.mailId = m.id; renderMailList(); renderMail(); } })),
        h('td', { text: m.sentAt })));
    });
    if (!state.mails.length) list.append(h('tr', null, h('td', { colspan: '3', text: 'No mail sent.' })));
  }
  function renderMail() {
    var view = byId('emu-mail-view'), m = state.mails.filter(function (x) { return x.id === state.mailId; })[0];
    view.textContent = '';
    if (!m) { view.append(h('p', { class: 'description', text: 'Choose a mail.' })); return; }
    var dl = h('dl');
    [['From', m.from], ['To', m.to], ['Subject', m.subject], ['Date', m.sentAt], ['Delivery', m.delivery], ['Id', m.id]].forEach(function (r) { dl.append(h('dt', { text: r[0] }), h('dd', { text: r[1] == null ? '' : String(r[1]) })); });
    view.append(h('h3', { text: m.subject }), dl, h('div', { id: 'emu-mail-action', role: 'status' }), h('h4', { text: 'Text' }), linkify(m.text || ''));
    if (m.html) view.append(h('h4', { text: 'HTML' }), h('iframe', { sandbox: 'allow-popups allow-popups-to-escape-sandbox', srcdoc: m.html, title: 'HTML part', style: 'width:100%;height:320px;border:1px solid #c3c4c7;background:#fff' }));
    view.querySelectorAll('a').forEach(function (a) {
      var hit = PKMNAPI_DELETE.exec(a.getAttribute('href'));
      if (hit) a.addEventListener('click', function (ev) { ev.preventDefault(); pkmnapiDelete(hit[1]); });
    });
  }

  function statusMatches(st, f) {
    if (!f) return true;
    return f.split(',').some(function (p) { p = p.trim().toLowerCase(); return /^[1-5]xx$/.test(p) ? Math.floor(st / 100) === Number(p[0]) : st === Number(p); });
  }
  function fillSelect(id, values) {
    var sel = byId(id), keep = sel.value, have = {};
    for (var i = 0; i < sel.options.length; i++) have[sel.options[i].value] = true;
    values.forEach(function (v) { if (v && !have[v]) { sel.append(h('option', { value: v, text: v })); have[v] = true; } });
    sel.value = keep;
  }
  function renderRequests() {
    var entries = state.journal.slice().reverse();
    fillSelect('emu-f-namespace', entries.map(function (e) { return e.namespace; }));
    fillSelect('emu-f-method', entries.map(function (e) { return e.method; }));
    fillSelect('emu-f-user', entries.map(function (e) { return e.user; }));
    var ns = byId('emu-f-namespace').value, method = byId('emu-f-method').value, st = byId('emu-f-status').value.trim(), user = byId('emu-f-user').value;
    var body = byId('emu-requests'); body.textContent = '';
    entries.filter(function (e) {
      return (!ns || e.namespace === ns) && (!method || e.method === method) && statusMatches(e.status, st) && (!user || (user === '(anonymous)' ? e.user === null : e.user === user));
    }).forEach(function (e) {
      body.append(h('tr', { class: e.id === state.entryId ? 'emu-selected' : null, 'data-entry': String(e.id) },
        h('td', { text: String(e.id) }), h('td', { text: e.time }), h('td', { text: e.method }),
        h('td', null, h('button', { type: 'button', class: 'link', text: e.path, onclick: function () { state.entryId = e.id; renderRequests(); renderEntry(); } })),
        h('td', { text: String(e.status) }), h('td', { text: e.user || 'anonymous' })));
    });
  }
  var WHY = { 'no-credentials': 'no credentials', 'malformed-header': 'malformed Authorization header', 'unknown-user': 'unknown user', 'wrong-password': 'wrong password', 'revoked-password': 'revoked password', throttled: 'throttled (too many failed logins)' };
  function renderEntry() {
    var view = byId('emu-request-view'), e = state.journal.filter(function (x) { return x.id === state.entryId; })[0];
    view.textContent = '';
    if (!e) return;
    var auth = e.auth || {};
    var who = e.user ? h('p', { text: 'User: ' + e.user + (auth.method ? ' (' + auth.method + ')' : '') })
      : h('p', { class: 'emu-why', 'data-why': auth.failure || '', text: 'Anonymous: ' + (WHY[auth.failure] || auth.failure || 'not said') });
    var side = function (title, part, extra) { return h('div', null, h('h4', { text: title }), h('pre', { text: JSON.stringify(Object.assign(extra, part), null, 2) })); };
    view.append(h('h3', { text: '#' + e.id + ' ' + e.method + ' ' + e.path + ' → ' + e.status }), who, h('p', { text: e.fault ? 'Fault: ' + e.fault : '' }),
      h('div', { class: 'emu-split' }, side('Request', e.request, { method: e.method, path: e.path }), side('Response', e.response, { status: e.status, durationMs: e.durationMs })));
  }

  function renderFaults() {
    var body = byId('emu-faults'); body.textContent = '';
    state.faults.forEach(function (f) {
      body.append(h('tr', { 'data-fault': f.id }, h('td', { text: f.method }), h('td', null, h('code', { text: f.path || f.pathRegex || '' })), h('td', { text: f.status == null ? '—' : String(f.status) }),
        h('td', { text: f.latencyMs ? f.latencyMs + ' ms' : '—' }), h('td', { text: f.remaining == null ? '∞' : String(f.remaining) }), h('td', { text: String(f.matched) }),
        h('td', null, h('button', { type: 'button', class: 'button', text: 'Remove', 'aria-label': 'Remove fault ' + (f.path || f.pathRegex), onclick: function () { act(api('DELETE', '/faults/' + encodeURIComponent(f.id)), 'Fault removed.'); } }))));
    });
    if (!state.faults.length) body.append(h('tr', null, h('td', { colspan: '7', text: 'No faults.' })));
  }

  var busy = false, again = false, timer = null, stopped = false;
  function refresh() {
    if (stopped) return Promise.resolve();
    if (busy) { again = true; return Promise.resolve(); }
    busy = true;
    return Promise.all([api('GET', '/clock'), api('GET', '/tokens'), api('GET', '/outbox'), api('GET', '/journal'), api('GET', '/faults')]).then(function (r) {
      state.clock = { timestamp: r[0].timestamp + (Date.parse(r[0].now) % 1000) / 1000, mode: r[0].mode, at: performance.now() };
      byId('emu-clock-mode').textContent = r[0].mode;
      state.tokens = r[1].tokens; state.mails = r[2]; state.journal = r[3]; state.faults = r[4];
      if (changed('tokens', state.tokens)) renderTokens();
      if (changed('mails', state.mails)) { renderMailList(); if (!byId('emu-mail-action')) renderMail(); }
      if (changed('journal', state.journal)) { renderRequests(); renderEntry(); }
      if (changed('faults', state.faults)) renderFaults();
      tick();
    }).catch(function (e) {
      // The login session ended (logged out, expired, or a reset emptied the sessions): stop, and offer the login screen.
      if (stopped) return;
      if (e.status === 401 || e.status === 403) { stopped = true; clearInterval(timer); status('Your login session has ended (' + e.message + ').', true, loginAgain()); }
      else status('Could not read the emulator: ' + e.message, true);
    }).then(function () { busy = false; if (again) { again = false; refresh(); } });
  }
  function act(promise, done) {
    return promise.then(function () { status(done); state.seen = {}; return refresh(); }).catch(function (e) { status(e.message, true); });
  }

  // Tabs (arrow keys move between them, as WAI-ARIA tabs do).
  var tabs = Array.prototype.slice.call(document.querySelectorAll('[role=tab]'));
  function select(tab) {
    tabs.forEach(function (t) { var on = t === tab; t.setAttribute('aria-selected', String(on)); t.tabIndex = on ? 0 : -1; byId(t.getAttribute('aria-controls')).hidden = !on; });
  }
  tabs.forEach(function (t, i) {
    // Choosing a tab shows it fresh (no wait for the next second's poll).
    t.addEventListener('click', function () { select(t); history.replaceState(null, '', '#' + t.id.slice(8)); refresh(); });
    t.addEventListener('keydown', function (ev) {
      var d = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
      if (d) { var n = tabs[(i + d + tabs.length) % tabs.length]; select(n); n.focus(); }
    });
  });
  var initial = byId('emu-tab-' + location.hash.slice(1)); if (initial) select(initial);

  ['emu-f-namespace', 'emu-f-method', 'emu-f-user'].forEach(function (id) { byId(id).addEventListener('change', renderRequests); });
  byId('emu-f-status').addEventListener('input', renderRequests);
  byId('emu-har').addEventListener('click', function () {
    var q = [], ns = byId('emu-f-namespace').value, m = byId('emu-f-method').value, st = byId('emu-f-status').value.trim();
    if (ns) q.push('namespace=' + encodeURIComponent(ns)); if (m) q.push('method=' + encodeURIComponent(m)); if (st) q.push('status=' + encodeURIComponent(st));
    var user = byId('emu-f-user').value;
    api('GET', '/journal/har' + (q.length ? '?' + q.join('&') : '')).then(function (har) {
      // The journal has no user filter: the entries of other users are left out here, as the table leaves them out.
      if (user) har.log.entries = har.log.entries.filter(function (e) { return user === '(anonymous)' ? e._emulator.user === null : e._emulator.user === user; });
      var a = h('a', { href: URL.createObjectURL(new Blob([JSON.stringify(har, null, 2)], { type: 'application/json' })), download: 'emulator-journal.har' });
      document.body.append(a); a.click(); a.remove();
    }).catch(function (e) { status(e.message, true); });
  });

  byId('emu-clock-freeze').addEventListener('click', function () { act(api('POST', '/clock', { set: new Date(Math.floor(siteNow()) * 1000).toISOString() }), 'Clock frozen.'); });
  byId('emu-clock-advance').addEventListener('click', function () { var n = Number(byId('emu-clock-seconds').value); act(api('POST', '/clock', { advance: n }), 'Clock advanced by ' + n + ' s.'); });
  byId('emu-clock-set').addEventListener('click', function () { act(api('POST', '/clock', { set: byId('emu-clock-time').value.trim() }), 'Clock set.'); });
  byId('emu-clock-real').addEventListener('click', function () { act(api('POST', '/clock', { real: true }), 'Clock back to real time.'); });

  byId('emu-fault-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target, spec = { method: f.method.value || '*', path: f.path.value };
    ['status', 'latencyMs', 'times'].forEach(function (k) { if (f[k].value !== '') spec[k] = Number(f[k].value); });
    act(api('POST', '/faults', spec), 'Fault added.');
  });

  byId('emu-reset').addEventListener('click', function () { byId('emu-reset-confirm').hidden = false; byId('emu-reset-yes').focus(); });
  byId('emu-reset-no').addEventListener('click', function () { byId('emu-reset-confirm').hidden = true; byId('emu-reset').focus(); });
  // A reset empties the store, login sessions included: this page can read no more until its user logs in again.
  byId('emu-reset-yes').addEventListener('click', function () {
    byId('emu-reset-confirm').hidden = true;
    api('POST', '/reset').then(function () { stopped = true; clearInterval(timer); status('The emulator is back to its fixtures, and your login session with it.', false, loginAgain()); })
      .catch(function (e) { status(e.message, true); });
  });

  refresh();
  timer = setInterval(refresh, 1000);
  setInterval(tick, 250);
})();
`;
