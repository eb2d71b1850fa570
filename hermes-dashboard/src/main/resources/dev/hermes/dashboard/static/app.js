// The dashboard page. The overview arrives pushed over one EventSource (/api/events); rows are kept
// and only changed cells rewritten, so 200 profiles stay cheap. Start/Stop/Restart go out with the
// session's CSRF token; Stop and Restart ask first. A row's details (config, model endpoint, log)
// open in a panel whose log follows the file by byte offset, with the last death, the audit trail
// and the usage graphs. Text only ever goes in through textContent; graphs are SVG elements made
// here, styled from style.css (the CSP allows no style attributes).
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
  const DEATH_WORDS = { 'clean-stop': 'clean stop', 'exit-code': 'exit code', signal: 'signal',
    'oom-kill': 'OOM kill', 'stop-timeout': 'stop timeout' };
  const BADGE_WORDS = { 'exit-code': 'crashed', signal: 'killed', 'oom-kill': 'OOM-killed',
    'stop-timeout': 'stop timed out' };
  const SEVERE = new Set(['oom-kill', 'stop-timeout']);
  // A death this recent shows on the row of a gateway that runs again.
  const RECENT_DEATH_MS = 3600 * 1000;
  const ALERT_ACTIONS = new Set(['crash', 'hold']);
  const HISTORY_SHOWN = 100;
  const SPARK_KEEP = 60;
  const SVG = 'http://www.w3.org/2000/svg';

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

  function percent(p) {
    return p.toFixed(p < 10 ? 1 : 0) + '%';
  }

  /** How long ago an ISO time was, by the page's clock: "5 s ago", "5 min ago", "2 h ago". */
  function ago(iso, now) {
    const at = Date.parse(iso);
    if (Number.isNaN(at)) return '';
    const s = Math.max(0, Math.floor((now - at) / 1000));
    if (s < 60) return s + ' s ago';
    if (s < 3600) return Math.floor(s / 60) + ' min ago';
    if (s < 86400) return Math.floor(s / 3600) + ' h ago';
    return Math.floor(s / 86400) + ' d ago';
  }

  function unclean(death) {
    return death != null && death.cause !== 'clean-stop';
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
    // Cells with more than text: the value, and under it a sparkline or the recent-death badge.
    const parts = {};
    for (const name of ['cpu', 'rss', 'last-exit']) {
      parts[name] = document.createElement('span');
      parts[name].className = 'value';
      cells[name].appendChild(parts[name]);
    }
    const sparks = { cpu: newSpark('spark'), rss: newSpark('spark') };
    cells.cpu.appendChild(sparks.cpu.svg);
    cells.rss.appendChild(sparks.rss.svg);
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.hidden = true;
    cells['last-exit'].appendChild(badge);
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
    return { tr, cells, parts, sparks, badge, usage: newUsage(null), buttons, key: '', g: null,
      busy: false, result: null, since: 0 };
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
    set(row.parts.cpu, cpu(g.cpu_seconds));
    set(row.parts.rss, bytes(g.rss_bytes));
    set(row.parts['last-exit'], g.last_exit || '-');
    showBadge(row, receivedAt);
    set(row.cells.reason, g.reason || '-');
    row.tr.className = g.actual + (HELD.has(g.actual) ? ' held' : '') +
      (state.detail && state.detail.profile === g.profile ? ' selected' : '');
    row.tr.dataset.actual = g.actual;
    updateButtons(row);
  }

  /**
   * "OOM-killed 5 min ago" on the row of a gateway that runs again after an unclean death within
   * the hour: a restart that happened by itself stays visible for a while.
   */
  function showBadge(row, now) {
    const g = row.g;
    const d = g && g.last_death;
    let text = '';
    if (unclean(d) && RUNNING.has(g.actual)) {
      const age = now - Date.parse(d.time);
      if (age < RECENT_DEATH_MS) text = `${BADGE_WORDS[d.cause] || d.cause} ${ago(d.time, now)}`;
    }
    const badge = row.badge;
    if (badge.textContent !== text) {
      badge.textContent = text;
      badge.hidden = !text;
      badge.title = text ? `${text}: ${d.detail} at ${d.time}` : '';
      badge.classList.toggle('severe', !!text && SEVERE.has(d.cause));
    }
  }

  /** Uptimes and ages move on between pushes without asking the server: the page's own clock. */
  function tick() {
    const now = Date.now();
    for (const row of state.rows.values()) {
      if (!row.g) continue;
      if (row.g.last_death) showBadge(row, now);
      if (row.g.uptime_seconds < 0) continue;
      set(row.cells.uptime, uptime(row.g.uptime_seconds + Math.floor((now - row.since) / 1000)));
    }
    if (state.detail) renderDeath(now);
  }

  // ---- usage graphs ----

  /** The page's own usage history of one process: reset when the pid changes or it stops. */
  function newUsage(pid) {
    return { pid, at: null, cpuSeconds: null, cpu: [], rss: [] };
  }

  /** One event's point: CPU as % of one core since the previous event, memory as it is. */
  function sample(row, g, at) {
    if (!(g.pid > 0) || !RUNNING.has(g.actual)) {
      if (row.usage.pid !== null) row.usage = newUsage(null);
      return;
    }
    if (row.usage.pid !== g.pid) row.usage = newUsage(g.pid);
    const u = row.usage;
    if (Number.isNaN(at) || (u.at !== null && at <= u.at)) return;
    if (g.cpu_seconds != null) {
      if (u.cpuSeconds !== null && u.at !== null) {
        u.cpu.push(Math.max(0, ((g.cpu_seconds - u.cpuSeconds) * 100000) / (at - u.at)));
      }
      u.cpuSeconds = g.cpu_seconds;
    } else {
      u.cpuSeconds = null;
    }
    if (g.rss_bytes != null) u.rss.push(g.rss_bytes);
    u.at = at;
    for (const values of [u.cpu, u.rss]) if (values.length > SPARK_KEEP) values.splice(0, values.length - SPARK_KEEP);
  }

  function newSpark(className) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', className);
    svg.setAttribute('viewBox', `0 0 ${SPARK_KEEP - 1} 10`);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('role', 'img');
    svg.setAttribute('focusable', 'false');
    const title = document.createElementNS(SVG, 'title');
    const line = document.createElementNS(SVG, 'polyline');
    svg.append(title, line);
    return { svg, title, line, key: '' };
  }

  /** The newest point at the right edge; the vertical range from lo to hi. */
  function drawSpark(spark, values, lo, hi, label) {
    const key = values.length + ' ' + values[values.length - 1] + ' ' + lo + ' ' + hi + ' ' + label;
    if (spark.key === key) return;
    spark.key = key;
    const span = hi - lo || 1;
    const first = SPARK_KEEP - values.length;
    spark.line.setAttribute('points', values.map((v, i) =>
      `${first + i},${(10 - ((Math.min(hi, Math.max(lo, v)) - lo) * 10) / span).toFixed(2)}`).join(' '));
    spark.svg.dataset.points = String(values.length);
    spark.svg.setAttribute('aria-label', label);
    spark.title.textContent = label;
  }

  function drawCpu(spark, u) {
    const now = u.cpu.length ? u.cpu[u.cpu.length - 1] : null;
    // At least 0-5% of a core, so an idle gateway's noise stays a flat line.
    drawSpark(spark, u.cpu, 0, Math.max(5, ...u.cpu),
      now == null ? 'CPU: no samples yet' : `CPU ${percent(now)} of one core`);
    return now;
  }

  function drawRss(spark, u) {
    const now = u.rss.length ? u.rss[u.rss.length - 1] : null;
    // Memory's baseline is large: the line shows its changes, at least a MB of range.
    const lo = u.rss.length ? Math.min(...u.rss) : 0;
    const hi = Math.max(lo + 1024 * 1024, ...u.rss);
    drawSpark(spark, u.rss, lo, hi, now == null ? 'Memory: no samples yet' : `Memory ${bytes(now)}`);
    return now;
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
    const generatedAt = Date.parse(data.generated_at);
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
      sample(row, g, generatedAt);
      if ('cpu_seconds' in g) drawCpu(row.sparks.cpu, row.usage);
      if ('rss_bytes' in g) drawRss(row.sparks.rss, row.usage);
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
    // The action's own audit line may be written after the state change that the stream showed.
    if (state.detail && state.detail.profile === profile) requestHistory();
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
    state.detail = { profile, offset: null, lines: [], timer: null, changeKey: null,
      deathKey: null, historyBusy: false, historyAgain: false };
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
    $('detail-history-body').replaceChildren('loading…');
    renderDetailLive();
    requestHistory();
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
    followLog();
  }

  /** What the live row says: process facts, last death, usage graphs; the history when it moved. */
  function renderDetailLive() {
    const detail = state.detail;
    const row = state.rows.get(detail.profile);
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
    renderDeath(Date.now());
    $('detail-usage').hidden = !state.usage;
    const cpuNow = drawCpu(state.detailSparks.cpu, row.usage);
    const rssNow = drawRss(state.detailSparks.rss, row.usage);
    set($('detail-cpu-now'), cpuNow == null ? '-' : `${percent(cpuNow)} of one core`);
    set($('detail-rss-now'), rssNow == null ? '-' : bytes(rssNow));
    // A new audit line comes with a change of state or of the restart count, not with every push.
    const changeKey = g.actual + ' ' + g.restarts;
    if (detail.changeKey !== changeKey) {
      const first = detail.changeKey === null;
      detail.changeKey = changeKey;
      if (!first) requestHistory();
    }
  }

  /** The cause in words, its detail and how long ago; unclean ones highlighted. */
  function renderDeath(now) {
    const detail = state.detail;
    const row = state.rows.get(detail.profile);
    if (!row || !row.g) return;
    const d = row.g.last_death;
    const key = JSON.stringify(d) + (d ? ago(d.time, now) : '');
    if (detail.deathKey === key) return;
    detail.deathKey = key;
    const box = $('detail-death-body');
    box.dataset.cause = d ? d.cause : '';
    box.className = d ? (unclean(d) ? 'unclean' : '') + (d && SEVERE.has(d.cause) ? ' severe' : '') : 'muted';
    if (!d) {
      box.replaceChildren('none recorded');
      return;
    }
    const cause = document.createElement('span');
    cause.className = 'cause';
    cause.textContent = DEATH_WORDS[d.cause] || d.cause;
    const what = document.createElement('span');
    what.className = 'detail';
    what.textContent = d.detail || '';
    const when = document.createElement('time');
    when.dateTime = d.time;
    when.title = d.time;
    when.textContent = ago(d.time, now);
    box.replaceChildren(cause, ' · ', what, ' · ', when);
  }

  /** One history fetch at a time; a request meanwhile fetches once more after it. */
  function requestHistory() {
    const detail = state.detail;
    if (!detail) return;
    if (detail.historyBusy) {
      detail.historyAgain = true;
      return;
    }
    detail.historyBusy = true;
    loadHistory(detail).finally(() => {
      detail.historyBusy = false;
      if (detail.historyAgain && state.detail === detail) {
        detail.historyAgain = false;
        requestHistory();
      }
    });
  }

  async function loadHistory(detail) {
    let data;
    try {
      const response = await fetch(`/api/gateways/${encodeURIComponent(detail.profile)}/history`, { cache: 'no-store' });
      if (state.detail !== detail) return;
      data = await response.json();
      if (!response.ok) {
        $('detail-history-body').replaceChildren(data.error || 'the history could not be read');
        return;
      }
    } catch (e) {
      if (state.detail === detail) $('detail-history-body').replaceChildren('the dashboard is unreachable');
      return;
    }
    if (state.detail === detail) renderHistory(data.events || []);
  }

  /** The audit trail newest first: time, action, actor, reason, result; crashes and holds stand out. */
  function renderHistory(events) {
    const box = $('detail-history-body');
    if (!events.length) {
      box.replaceChildren('no lifecycle events yet');
      return;
    }
    const list = document.createElement('ol');
    list.className = 'timeline';
    const shown = events.slice(-HISTORY_SHOWN).reverse();
    for (const e of shown) {
      const item = document.createElement('li');
      item.className = 'event ' + e.action + (ALERT_ACTIONS.has(e.action) ? ' alert' : '');
      const when = document.createElement('time');
      when.dateTime = e.time;
      when.title = e.time;
      when.textContent = new Date(e.time).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
      item.appendChild(when);
      // The session's user; an open dashboard names itself "(open)".
      const who = e.session_user && !e.session_user.startsWith('(') ? `(${e.session_user})` : e.session_user;
      const actor = e.actor + (who ? ' ' + who : '');
      for (const [name, text] of [['action', e.action], ['actor', actor], ['reason', e.reason],
        ['result', e.result]]) {
        const span = document.createElement('span');
        span.className = name;
        span.textContent = text || '-';
        if (text && text.length > 24) span.title = text;
        item.appendChild(span);
      }
      list.appendChild(item);
    }
    const nodes = [list];
    if (events.length > shown.length) nodes.unshift(`the newest ${shown.length} of ${events.length} events`);
    box.replaceChildren(...nodes);
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
    state.detailSparks = { cpu: newSpark('spark large'), rss: newSpark('spark large') };
    $('detail-cpu-chart').appendChild(state.detailSparks.cpu.svg);
    $('detail-rss-chart').appendChild(state.detailSparks.rss.svg);
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
