// The dashboard page: polls /api/gateways once per refresh interval, updates the table in place
// (rows are kept and only changed cells rewritten, so 200 profiles stay cheap), and sends
// Start/Stop/Restart with the session's CSRF token. Text only ever goes in through textContent.
'use strict';

(() => {
  const state = {
    csrf: null,
    refreshMs: 1000,
    timer: null,
    busy: false,
    logProfile: null,
    rows: new Map(),
  };
  const $ = (id) => document.getElementById(id);
  const HELD = new Set(['crash-loop', 'failed']);

  function uptime(seconds) {
    if (seconds < 0) return '-';
    const pad = (n) => (n < 10 ? '0' + n : '' + n);
    if (seconds < 60) return seconds + 's';
    if (seconds < 3600) return Math.floor(seconds / 60) + 'm' + pad(seconds % 60) + 's';
    if (seconds < 86400) return Math.floor(seconds / 3600) + 'h' + pad(Math.floor((seconds % 3600) / 60)) + 'm';
    return Math.floor(seconds / 86400) + 'd' + pad(Math.floor((seconds % 86400) / 3600)) + 'h';
  }

  function showMessage(text) {
    const box = $('message');
    box.textContent = text || '';
    box.hidden = !text;
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

  function newRow(profile) {
    const tr = document.createElement('tr');
    tr.dataset.profile = profile;
    const cells = {};
    for (const name of ['profile', 'desired', 'actual', 'pid', 'uptime', 'restarts', 'port', 'last-exit', 'reason']) {
      const td = document.createElement('td');
      td.className = name;
      if (['pid', 'uptime', 'restarts', 'port'].includes(name)) td.classList.add('num');
      tr.appendChild(td);
      cells[name] = td;
    }
    const actions = document.createElement('td');
    actions.className = 'actions';
    const buttons = {};
    for (const [action, label] of [['start', 'Start'], ['stop', 'Stop'], ['restart', 'Restart'], ['log', 'Log']]) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = action;
      b.dataset.action = action;
      b.textContent = label;
      actions.appendChild(b);
      buttons[action] = b;
    }
    tr.appendChild(actions);
    cells.profile.textContent = profile;
    return { tr, cells, buttons, key: '' };
  }

  function set(td, text) {
    if (td.textContent !== text) td.textContent = text;
  }

  function update(row, g) {
    const key = JSON.stringify(g);
    if (row.key === key) return;
    row.key = key;
    set(row.cells.desired, g.desired || '-');
    set(row.cells.actual, g.actual);
    set(row.cells.pid, g.pid > 0 ? String(g.pid) : '-');
    set(row.cells.uptime, uptime(g.uptime_seconds));
    set(row.cells.restarts, String(g.restarts));
    // As in 'hermes gateway status': a config hermes cannot use shows instead of the port.
    set(row.cells.port, g.config_error ? 'bad-config' : (g.port == null ? '-' : String(g.port)));
    row.cells.port.title = g.config_error || '';
    set(row.cells['last-exit'], g.last_exit || '-');
    set(row.cells.reason, g.reason || '-');
    row.tr.className = g.actual + (HELD.has(g.actual) ? ' held' : '') +
      (state.logProfile === g.profile ? ' selected' : '');
    row.tr.dataset.actual = g.actual;
    row.buttons.start.disabled = !g.registered || g.up;
    row.buttons.stop.disabled = !g.registered || (!g.up && g.desired === 'stopped');
    row.buttons.restart.disabled = !g.registered;
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
    state.refreshMs = data.refresh_ms || 1000;
    set($('manager'), data.manager || '');
    const body = $('rows');
    const seen = new Set();
    let index = 0;
    // One count per state word, so the summary's numbers add up to the number of gateways.
    const counts = new Map();
    const held = [];
    for (const g of data.gateways) {
      seen.add(g.profile);
      let row = state.rows.get(g.profile);
      if (!row) {
        row = newRow(g.profile);
        state.rows.set(g.profile, row);
      }
      update(row, g);
      if (body.children[index] !== row.tr) body.insertBefore(row.tr, body.children[index] || null);
      index++;
      counts.set(g.actual, (counts.get(g.actual) || 0) + 1);
      if (HELD.has(g.actual)) held.push(g);
    }
    for (const [name, row] of state.rows) {
      if (!seen.has(name)) {
        row.tr.remove();
        state.rows.delete(name);
      }
    }
    const parts = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word, n]) => `${n} ${word}`);
    set($('summary'), `${data.gateways.length} gateway${data.gateways.length === 1 ? '' : 's'}` +
      (parts.length ? ': ' + parts.join(', ') : ''));
    renderHeld(held);
    applyFilter();
    set($('updated'), 'updated ' + new Date(data.generated_at).toLocaleTimeString());
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

  async function loadLog() {
    const profile = state.logProfile;
    if (!profile) return;
    const response = await fetch(`/api/gateways/${encodeURIComponent(profile)}/log`, { cache: 'no-store' });
    if (!response.ok || state.logProfile !== profile) return;
    const data = await response.json();
    const pre = $('log');
    const atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
    const text = data.lines.length ? data.lines.join('\n') : '(no log lines yet)';
    if (pre.textContent !== text) {
      pre.textContent = text;
      if (atBottom) pre.scrollTop = pre.scrollHeight;
    }
    set($('log-file'), data.file);
  }

  function schedule(delay) {
    clearTimeout(state.timer);
    state.timer = setTimeout(refresh, delay);
  }

  async function refresh() {
    if (state.busy) return schedule(100);
    state.busy = true;
    try {
      const response = await fetch('/api/gateways', { cache: 'no-store', credentials: 'same-origin' });
      if (response.status === 401) {
        location.replace('/login');
        return;
      }
      if (!response.ok) throw new Error('the dashboard answered ' + response.status);
      render(await response.json());
      await loadLog();
    } catch (e) {
      set($('updated'), 'dashboard unreachable, retrying…');
    } finally {
      state.busy = false;
      schedule(state.refreshMs);
    }
  }

  async function act(profile, action, button) {
    button.disabled = true;
    showMessage('');
    try {
      const response = await fetch(`/api/gateways/${encodeURIComponent(profile)}/${action}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'X-CSRF-Token': state.csrf || '' },
      });
      if (!response.ok) {
        const body = await response.json().catch(() => ({ error: response.statusText }));
        showMessage(`Could not ${action} ${profile}: ${body.error}`);
        if (response.status === 403 || response.status === 401) await loadSession();
      } else {
        // What the supervisor made of it: ready, or held down again with the reason.
        const body = await response.json();
        showMessage(body.message);
      }
    } catch (e) {
      showMessage(`Could not ${action} ${profile}: the dashboard is unreachable`);
    }
    schedule(0);
  }

  function selectLog(profile) {
    state.logProfile = profile;
    $('log-panel').hidden = false;
    set($('log-profile'), profile);
    $('log').textContent = 'loading…';
    for (const [name, row] of state.rows) row.tr.classList.toggle('selected', name === profile);
    loadLog();
  }

  function start() {
    $('rows').addEventListener('click', (event) => {
      const button = event.target.closest('button[data-action]');
      if (!button) return;
      const profile = button.closest('tr').dataset.profile;
      if (button.dataset.action === 'log') selectLog(profile);
      else act(profile, button.dataset.action, button);
    });
    $('log-close').addEventListener('click', () => {
      state.logProfile = null;
      $('log-panel').hidden = true;
      for (const row of state.rows.values()) row.tr.classList.remove('selected');
    });
    $('filter').addEventListener('input', applyFilter);
    $('held-only').addEventListener('change', applyFilter);
    $('logout').addEventListener('click', async () => {
      await fetch('/api/logout', { method: 'POST', headers: { 'X-CSRF-Token': state.csrf || '' } });
      location.replace('/login');
    });
    loadSession().then((ok) => { if (ok) refresh(); }).catch(() => schedule(state.refreshMs));
  }

  start();
})();
