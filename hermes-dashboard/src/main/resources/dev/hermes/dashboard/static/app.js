// The dashboard page. The overview arrives pushed over one EventSource (/api/events); rows are kept
// and only changed cells rewritten, so 200 profiles stay cheap. Start/Stop/Restart go out with the
// session's CSRF token; Stop and Restart ask first. A row's details (config, model endpoint, log)
// open in a panel whose log follows the file by byte offset. Text only ever goes in through
// textContent.
'use strict';

(() => {
  const state = {
    csrf: null,
    refreshMs: 1000,
    source: null,
    fallback: null,
    received: 0,
    rows: new Map(),
    order: [],
    sort: { key: null, dir: 1 },
    detail: null,
    usage: false,
  };
  const $ = (id) => document.getElementById(id);
  const HELD = new Set(['crash-loop', 'failed']);
  const RUNNING = new Set(['starting', 'ready', 'up']);
  const DONE = { start: 'started', stop: 'stopped', restart: 'restarted' };
  const DOING = { start: 'starting…', stop: 'stopping…', restart: 'restarting…' };
  const COLUMNS = ['profile', 'desired', 'actual', 'pid', 'uptime', 'restarts', 'port', 'cpu', 'rss',
    'last-exit', 'reason', 'result'];
  const NUMERIC = new Set(['pid', 'uptime', 'restarts', 'port', 'cpu', 'rss']);
  const LOG_KEEP = 2000;

  function uptime(seconds) {
    if (seconds < 0) return '-';
    const pad = (n) => (n < 10 ? '0' + n : '' + n);
    if (seconds < 60) return seconds + 's';
    if (seconds < 3600) return Math.floor(seconds / 60) + 'm' + pad(seconds % 60) + 's';
    if (seconds < 86400) return Math.floor(seconds / 3600) + 'h' + pad(Math.floor((seconds % 3600) / 60)) + 'm';
    return Math.floor(seconds / 86400) + 'd' + pad(Math.floor((seconds % 86400) / 3600)) + 'h';
  }

  function bytes(n) {
    if (n == null || n < 0) return '-';
    if (n < 1024 * 1024) return Math.round(n / 1024) + ' KB';
    if (n < 1024 * 1024 * 1024) return (n / 1024 / 1024).toFixed(1) + ' MB';
    return (n / 1024 / 1024 / 1024).toFixed(2) + ' GB';
  }

  function cpu(seconds) {
    return seconds == null || seconds < 0 ? '-' : seconds.toFixed(seconds < 10 ? 2 : 0) + ' s';
  }

  function showMessage(text) {
    const box = $('message');
    box.textContent = text || '';
    box.hidden = !text;
  }

  function set(td, text) {
    if (td.textContent !== text) {
      td.textContent = text;
      // Cells keep their width: what does not fit is cut, and the whole text is the tooltip.
      td.title = text.length > 12 ? text : '';
    }
  }

  async function loadSession() {
    const response = await fetch('/api/session', { cache: 'no-store', credentials: 'same-origin' });
    const session = await response.json();
    if (!session.authenticated) {
      location.replace('/login');
      return false;
    }
    state.csrf = session.csrf;
    $('logout').hidden = session.login === 'none';
    return true;
  }

  // ---- rows ----

  function newRow(profile) {
    const tr = document.createElement('tr');
    tr.dataset.profile = profile;
    const cells = {};
    for (const name of COLUMNS) {
      const td = document.createElement('td');
      td.className = name;
      if (NUMERIC.has(name)) td.classList.add('num');
      if (name === 'cpu' || name === 'rss') td.classList.add('usage');
      tr.appendChild(td);
      cells[name] = td;
    }
    cells.result.setAttribute('aria-live', 'polite');
    const actions = document.createElement('td');
    actions.className = 'actions';
    const buttons = {};
    for (const [action, label, kind] of [['start', 'Start', 'primary'], ['stop', 'Stop', 'danger'],
      ['restart', 'Restart', ''], ['details', 'Details', 'quiet']]) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = ('btn ' + action + ' ' + kind).trim();
      b.dataset.action = action;
      b.textContent = label;
      b.setAttribute('aria-label', `${label} ${profile}`);
      actions.appendChild(b);
      buttons[action] = b;
    }
    tr.appendChild(actions);
    cells.profile.textContent = profile;
    return { tr, cells, buttons, key: '', g: null, busy: false, result: null, since: 0 };
  }

  /** Which buttons apply, from the state word alone (and whether a supervisor runs it at all). */
  function applicable(g) {
    if (!g.registered) return { start: false, stop: false, restart: false };
    const running = RUNNING.has(g.actual);
    return {
      start: !running && g.actual !== 'stopping' && g.actual !== 'backoff',
      stop: running || g.actual === 'backoff',
      restart: running,
    };
  }

  function updateButtons(row) {
    const ok = row.g ? applicable(row.g) : { start: false, stop: false, restart: false };
    for (const action of ['start', 'stop', 'restart']) row.buttons[action].disabled = row.busy || !ok[action];
  }

  function update(row, g, receivedAt) {
    row.since = receivedAt;
    const key = JSON.stringify(g);
    if (row.key === key) return;
    row.key = key;
    row.g = g;
    set(row.cells.desired, g.desired || '-');
    set(row.cells.actual, g.actual);
    set(row.cells.pid, g.pid > 0 ? String(g.pid) : '-');
    set(row.cells.uptime, uptime(g.uptime_seconds));
    set(row.cells.restarts, String(g.restarts));
    // As in 'hermes gateway status': a config hermes cannot use shows instead of the port.
    set(row.cells.port, g.config_error ? 'bad-config' : (g.port == null ? '-' : String(g.port)));
    if (g.config_error) row.cells.port.title = g.config_error;
    set(row.cells.cpu, cpu(g.cpu_seconds));
    set(row.cells.rss, bytes(g.rss_bytes));
    set(row.cells['last-exit'], g.last_exit || '-');
    set(row.cells.reason, g.reason || '-');
    row.tr.className = g.actual + (HELD.has(g.actual) ? ' held' : '') +
      (state.detail && state.detail.profile === g.profile ? ' selected' : '');
    row.tr.dataset.actual = g.actual;
    updateButtons(row);
  }

  /** Uptimes move on between pushes without asking the server: the page's own clock. */
  function tick() {
    const now = Date.now();
    for (const row of state.rows.values()) {
      if (!row.g || row.g.uptime_seconds < 0) continue;
      set(row.cells.uptime, uptime(row.g.uptime_seconds + Math.floor((now - row.since) / 1000)));
    }
  }

  function sortValue(row, key) {
    const g = row.g || {};
    switch (key) {
      case 'profile': return g.profile;
      case 'desired': return g.desired || '';
      case 'actual': return g.actual || '';
      case 'pid': return g.pid > 0 ? g.pid : -1;
      case 'uptime': return g.uptime_seconds;
      case 'restarts': return g.restarts;
      case 'port': return g.port == null ? -1 : g.port;
      case 'cpu': return g.cpu_seconds == null ? -1 : g.cpu_seconds;
      case 'rss': return g.rss_bytes == null ? -1 : g.rss_bytes;
      case 'last-exit': return g.last_exit || '';
      case 'reason': return g.reason || '';
      case 'result': return row.result ? row.result.text : '';
      default: return '';
    }
  }

  /** The server's order (default first, then by name) unless a column is chosen. */
  function placeRows() {
    let rows = state.order.map((name) => state.rows.get(name));
    const { key, dir } = state.sort;
    if (key) {
      rows = rows.map((row, i) => ({ row, i, v: sortValue(row, key) }));
      rows.sort((a, b) => {
        const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v));
        return c !== 0 ? c * dir : a.i - b.i;
      });
      rows = rows.map((x) => x.row);
    }
    const body = $('rows');
    rows.forEach((row, index) => {
      if (body.children[index] !== row.tr) body.insertBefore(row.tr, body.children[index] || null);
    });
  }

  function sortBy(key) {
    state.sort = state.sort.key === key ? { key, dir: -state.sort.dir } : { key, dir: 1 };
    for (const th of document.querySelectorAll('#gateways th[data-sort]')) {
      th.setAttribute('aria-sort', th.dataset.sort !== key ? 'none' : (state.sort.dir > 0 ? 'ascending' : 'descending'));
    }
    placeRows();
  }

  function applyFilter() {
    const text = $('filter').value.trim().toLowerCase();
    const heldOnly = $('held-only').checked;
    for (const [name, row] of state.rows) {
      const held = HELD.has(row.tr.dataset.actual);
      row.tr.hidden = (text !== '' && !name.includes(text)) || (heldOnly && !held);
    }
  }

  function render(data) {
    const receivedAt = Date.now();
    state.received = receivedAt;
    state.refreshMs = data.refresh_ms || 1000;
    set($('manager'), data.manager || '');
    const seen = new Set();
    const counts = new Map();
    const held = [];
    let usage = false;
    state.order = [];
    for (const g of data.gateways) {
      seen.add(g.profile);
      state.order.push(g.profile);
      let row = state.rows.get(g.profile);
      if (!row) {
        row = newRow(g.profile);
        state.rows.set(g.profile, row);
      }
      update(row, g, receivedAt);
      counts.set(g.actual, (counts.get(g.actual) || 0) + 1);
      if (HELD.has(g.actual)) held.push(g);
      if ('cpu_seconds' in g || 'rss_bytes' in g) usage = true;
    }
    for (const [name, row] of state.rows) {
      if (!seen.has(name)) {
        row.tr.remove();
        state.rows.delete(name);
      }
    }
    if (usage !== state.usage) {
      state.usage = usage;
      $('gateways').classList.toggle('with-usage', usage);
    }
    placeRows();
    const parts = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word, n]) => `${n} ${word}`);
    set($('summary'), `${data.gateways.length} gateway${data.gateways.length === 1 ? '' : 's'}` +
      (parts.length ? ': ' + parts.join(', ') : ''));
    renderHeld(held);
    applyFilter();
    if (state.detail) renderDetailLive();
    set($('updated'), (state.source && state.source.readyState === 1 ? 'live' : 'not live') +
      ' · updated ' + new Date(data.generated_at).toLocaleTimeString());
  }

  function renderHeld(held) {
    const box = $('held');
    const key = JSON.stringify(held.map((g) => [g.profile, g.reason]));
    if (box.dataset.key === key) return;
    box.dataset.key = key;
    box.replaceChildren();
    box.hidden = held.length === 0;
    if (held.length === 0) return;
    box.append(`${held.length} gateway${held.length === 1 ? '' : 's'} held down by the supervisor:`);
    const list = document.createElement('ul');
    for (const g of held) {
      const item = document.createElement('li');
      item.textContent = `${g.profile}: ${g.reason || g.actual}`;
      list.appendChild(item);
    }
    box.appendChild(list);
  }

  // ---- live updates ----

  /** One EventSource; it reconnects by itself. Refused (too many pages, logged out): ask again later. */
  function connect() {
    const source = new EventSource('/api/events');
    state.source = source;
    source.onmessage = (event) => {
      clearTimeout(state.fallback);
      render(JSON.parse(event.data));
    };
    source.onopen = () => set($('updated'), 'live');
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        set($('updated'), 'not live, retrying…');
        state.fallback = setTimeout(recover, 3000);
      } else {
        set($('updated'), 'reconnecting…');
      }
    };
  }

  async function recover() {
    try {
      if (!(await loadSession())) return;
      await refreshOnce();
    } catch (e) {
      set($('updated'), 'dashboard unreachable, retrying…');
    }
    connect();
  }

  async function refreshOnce() {
    const response = await fetch('/api/gateways', { cache: 'no-store', credentials: 'same-origin' });
    if (response.status === 401) {
      location.replace('/login');
      return;
    }
    if (response.ok) render(await response.json());
  }

  // ---- actions ----

  function showResult(row, text, ok) {
    row.result = { text, ok };
    set(row.cells.result, text);
    row.cells.result.classList.toggle('bad', !ok);
    row.cells.result.classList.toggle('good', ok);
  }

  function confirmAction(profile, action) {
    const dialog = $('confirm');
    const verb = action === 'stop' ? 'Stop' : 'Restart';
    $('confirm-title').textContent = `${verb} gateway-${profile}?`;
    $('confirm-text').textContent = action === 'stop'
      ? `It stops serving and stays down until started again.`
      : `It stops serving for a moment while it starts again.`;
    $('confirm-ok').textContent = verb;
    dialog.returnValue = '';
    dialog.showModal();
    $('confirm-cancel').focus();
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    });
  }

  async function act(profile, action, button) {
    const row = state.rows.get(profile);
    if (!row) return;
    if ((action === 'stop' || action === 'restart') && !(await confirmAction(profile, action))) {
      button.focus();
      return;
    }
    row.busy = true;
    updateButtons(row);
    showResult(row, DOING[action], true);
    showMessage('');
    try {
      const response = await fetch(`/api/gateways/${encodeURIComponent(profile)}/${action}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'X-CSRF-Token': state.csrf || '' },
      });
      const body = await response.json().catch(() => ({ error: response.statusText }));
      if (!response.ok) {
        showResult(row, body.error || `could not ${action}`, false);
        if (response.status === 403 || response.status === 401) await loadSession();
      } else if (body.ok) {
        showResult(row, DONE[action] + (body.actual ? ` (${body.actual})` : ''), true);
      } else {
        // What the supervisor made of it: held down again, with the reason.
        showResult(row, body.message || `${action} failed`, false);
      }
    } catch (e) {
      showResult(row, 'the dashboard is unreachable', false);
    }
    row.busy = false;
    updateButtons(row);
    if (state.sort.key === 'result') placeRows();
    if (document.activeElement === document.body) button.focus();
  }

  // ---- details ----

  function facts(dl, pairs) {
    dl.replaceChildren();
    for (const [label, value] of pairs) {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = value == null || value === '' ? '-' : String(value);
      dd.dataset.fact = label.toLowerCase().replace(/[^a-z]+/g, '-');
      dl.append(dt, dd);
    }
  }

  async function openDetail(profile) {
    clearTimeout(state.detail && state.detail.timer);
    state.detail = { profile, offset: null, lines: [], timer: null };
    const panel = $('detail');
    panel.hidden = false;
    set($('detail-profile'), profile);
    $('log-search').value = '';
    $('log').textContent = 'loading…';
    $('log-download').href = `/api/gateways/${encodeURIComponent(profile)}/log/download`;
    $('log-download').setAttribute('download', `gateway-${profile}.log`);
    for (const [name, row] of state.rows) row.tr.classList.toggle('selected', name === profile);
    facts($('detail-config'), [['Config', 'loading…']]);
    facts($('detail-model'), []);
    renderDetailLive();
    $('detail-close').focus();
    const base = `/api/gateways/${encodeURIComponent(profile)}`;
    try {
      const response = await fetch(base + '/detail', { cache: 'no-store' });
      const d = await response.json();
      if (!state.detail || state.detail.profile !== profile) return;
      if (!response.ok) {
        facts($('detail-config'), [['Error', d.error]]);
      } else {
        facts($('detail-config'), [['Directory', d.dir], ['Config file', d.config_file], ['Host', d.host],
          ['Port', d.port], ['Desired', d.desired], ['Reported', d.reported], ['Secrets (.env)', d.env_file],
          ['Config error', d.config_error]]);
        facts($('detail-model'), [['Model endpoint', d.model.base_url || 'none configured'],
          ['Model', d.model.name], ['Model timeout (s)', d.model.timeout_seconds]]);
        set($('log-file'), d.log_file);
      }
    } catch (e) {
      facts($('detail-config'), [['Error', 'the dashboard is unreachable']]);
    }
    loadHistory(profile, base);
    followLog();
  }

  /** What the live row says, and the slots other parts of hermes fill (death cause, history). */
  function renderDetailLive() {
    const row = state.rows.get(state.detail.profile);
    if (!row || !row.g) return;
    const g = row.g;
    set($('detail-state'), g.actual + (g.reason ? ': ' + g.reason : ''));
    $('detail-state').className = 'state ' + g.actual;
    const live = [['PID', g.pid > 0 ? g.pid : '-'], ['Uptime', uptime(g.uptime_seconds)],
      ['Restarts', g.restarts], ['Last exit', g.last_exit]];
    if ('cpu_seconds' in g) live.push(['CPU', cpu(g.cpu_seconds)]);
    if ('rss_bytes' in g) live.push(['Memory', bytes(g.rss_bytes)]);
    const key = JSON.stringify(live);
    if ($('detail-live').dataset.key !== key) {
      $('detail-live').dataset.key = key;
      facts($('detail-live'), live);
    }
    // Death fields, once the overview carries them: every key that names the last death.
    const death = Object.keys(g).filter((k) => k.startsWith('death') || k.startsWith('last_death'))
      .filter((k) => g[k] != null).map((k) => `${k.replace(/_/g, ' ')}: ${typeof g[k] === 'object' ? JSON.stringify(g[k]) : g[k]}`);
    if (death.length) set($('detail-death-body'), death.join(' · '));
  }

  async function loadHistory(profile, base) {
    try {
      const response = await fetch(base + '/history', { cache: 'no-store' });
      if (!response.ok || !state.detail || state.detail.profile !== profile) return;
      const data = await response.json();
      const entries = Array.isArray(data) ? data : (data.events || data.history || []);
      const box = $('detail-history-body');
      box.replaceChildren();
      if (!entries.length) {
        box.textContent = 'no lifecycle events yet';
        return;
      }
      const list = document.createElement('ol');
      for (const e of entries.slice(-20)) {
        const item = document.createElement('li');
        item.textContent = typeof e === 'object'
          ? Object.values(e).filter((v) => v != null && typeof v !== 'object').join(' · ') : String(e);
        list.appendChild(item);
      }
      box.appendChild(list);
    } catch (e) {
      // History is optional: the slot keeps its text.
    }
  }

  async function followLog() {
    const detail = state.detail;
    if (!detail) return;
    try {
      const after = detail.offset == null ? '' : String(detail.offset);
      const response = await fetch(`/api/gateways/${encodeURIComponent(detail.profile)}/log?after=${after}`, { cache: 'no-store' });
      if (state.detail !== detail) return;
      if (response.ok) {
        const data = await response.json();
        if (data.reset) detail.lines = [];
        if (data.lines.length || data.reset || detail.offset == null) {
          detail.lines.push(...data.lines);
          if (detail.lines.length > LOG_KEEP) detail.lines.splice(0, detail.lines.length - LOG_KEEP);
          renderLog();
        }
        detail.offset = data.offset;
      }
    } catch (e) {
      // Tried again below.
    }
    if (state.detail === detail) detail.timer = setTimeout(followLog, 1000);
  }

  function renderLog() {
    const detail = state.detail;
    const query = $('log-search').value.trim().toLowerCase();
    const shown = query ? detail.lines.filter((l) => l.toLowerCase().includes(query)) : detail.lines;
    const pre = $('log');
    const atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
    const text = shown.length ? shown.join('\n') : (query ? '(no line matches)' : '(no log lines yet)');
    if (pre.textContent !== text) {
      pre.textContent = text;
      if (atBottom) pre.scrollTop = pre.scrollHeight;
    }
    set($('log-count'), query ? `${shown.length} of ${detail.lines.length} lines` : `${detail.lines.length} lines`);
  }

  function closeDetail() {
    if (!state.detail) return;
    const profile = state.detail.profile;
    clearTimeout(state.detail.timer);
    state.detail = null;
    $('detail').hidden = true;
    for (const row of state.rows.values()) row.tr.classList.remove('selected');
    const row = state.rows.get(profile);
    if (row) row.buttons.details.focus();
  }

  function start() {
    $('rows').addEventListener('click', (event) => {
      const button = event.target.closest('button[data-action]');
      if (!button) return;
      const profile = button.closest('tr').dataset.profile;
      if (button.dataset.action === 'details') openDetail(profile);
      else act(profile, button.dataset.action, button);
    });
    for (const th of document.querySelectorAll('#gateways th[data-sort]')) {
      th.querySelector('button').addEventListener('click', () => sortBy(th.dataset.sort));
    }
    $('detail-close').addEventListener('click', closeDetail);
    $('detail').addEventListener('keydown', (event) => { if (event.key === 'Escape') closeDetail(); });
    $('log-search').addEventListener('input', () => { if (state.detail) renderLog(); });
    $('filter').addEventListener('input', applyFilter);
    $('held-only').addEventListener('change', applyFilter);
    $('logout').addEventListener('click', async () => {
      await fetch('/api/logout', { method: 'POST', headers: { 'X-CSRF-Token': state.csrf || '' } });
      location.replace('/login');
    });
    setInterval(tick, 1000);
    loadSession().then((ok) => { if (ok) connect(); }).catch(() => { state.fallback = setTimeout(recover, 3000); });
  }

  start();
})();
