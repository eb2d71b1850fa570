// The login form: asks /api/session what to ask for (username and password, or the token of
// dashboard.token), then posts the login as JSON with the session's CSRF token.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  let csrf = null;

  async function loadSession() {
    const response = await fetch('/api/session', { cache: 'no-store', credentials: 'same-origin' });
    const session = await response.json();
    if (session.authenticated) {
      location.replace('/');
      return;
    }
    csrf = session.csrf;
    const token = session.login === 'token';
    $('username-field').hidden = token;
    $('password-label').textContent = token ? 'Token (in dashboard.token)' : 'Password';
  }

  function showError(text) {
    $('login-error').textContent = text;
    $('login-error').hidden = !text;
  }

  async function submit(event) {
    event.preventDefault();
    showError('');
    $('login-button').disabled = true;
    try {
      const response = await fetch('/api/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf || '' },
        body: JSON.stringify({ username: $('username').value, password: $('password').value }),
      });
      if (response.ok) {
        location.replace('/');
        return;
      }
      const body = await response.json().catch(() => ({ error: response.statusText }));
      showError(body.error || 'login failed');
      if (response.status === 403) await loadSession();
    } catch (e) {
      showError('the dashboard is unreachable');
    } finally {
      $('login-button').disabled = false;
    }
  }

  $('login-form').addEventListener('submit', submit);
  loadSession().catch(() => showError('the dashboard is unreachable'));
})();
