// Small helpers shared by the pages: the REST API, building GOV.UK markup, formatting.
// Everything the API sends is written as text (textContent), never as HTML.

/** A refusal of the API: the HTTP status and the API's own message. */
export class ApiError extends Error {
  constructor(status, message, field, code) {
    super(message);
    this.status = status;
    this.field = field;
    this.code = code;
  }
}

/**
 * Calls the REST API (/cpis/api) with the browser's credentials; answers the parsed JSON. Every call
 * carries X-Requested-With: the API refuses a state-changing call without it (a page of another
 * site cannot send it: cross-site request forgery).
 */
export async function api(path, options) {
  return (await apiReply(path, options)).data;
}

/** As api(), with the response's headers too: { data, headers }. */
export async function apiReply(path, { method = 'GET', body } = {}) {
  // X-CPIS-Page names the page for the audit trail (channel PAGE, not REST)
  const headers = {
    Accept: 'application/json',
    'X-Requested-With': 'OpenCPIS',
    'X-CPIS-Page': location.pathname.substring(location.pathname.lastIndexOf('/') + 1),
  };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  // Resolved against the page's address without any user:password@ in it (fetch refuses those).
  const url = new URL('../api' + path, location.origin + location.pathname);
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = null;
  }
  if (!res.ok) {
    const message =
      (data && data.message) ||
      (res.status === 401 || res.status === 403
        ? 'You are not allowed to do this (HTTP ' + res.status + ')'
        : 'The service could not answer (HTTP ' + res.status + ')');
    throw new ApiError(res.status, message, data && data.field, data && data.code);
  }
  return { data, headers: res.headers };
}

/**
 * Calls CP-IS over FHIR R4 (/cpis/FHIR/R4), as a FHIR-speaking clinical system would: GET with
 * the user's details in the request headers (the API's one seam for who is asking). Answers the
 * parsed resource and the response headers; an OperationOutcome refusal becomes an ApiError with
 * the national error code (e.g. INVALID_SEARCH_DATA) and its diagnostics as the message.
 */
export async function fhir(path, headers) {
  const url = new URL('../FHIR/R4/' + path, location.origin + location.pathname);
  const res = await fetch(url, {
    headers: Object.assign({ Accept: 'application/fhir+json' }, headers),
    credentials: 'same-origin',
  });
  let data = null;
  try {
    data = await res.json();
  } catch (e) {
    data = null;
  }
  if (!res.ok) {
    const issue = data && data.resourceType === 'OperationOutcome' && data.issue && data.issue[0];
    const coding = issue && issue.details && issue.details.coding && issue.details.coding[0];
    const message =
      (issue && issue.diagnostics) ||
      (res.status === 401 || res.status === 403
        ? 'You are not allowed to do this (HTTP ' + res.status + ')'
        : 'The service could not answer (HTTP ' + res.status + ')');
    throw new ApiError(res.status, message, null, coding && coding.code);
  }
  return { resource: data, headers: res.headers };
}

/** Makes an element: h('p', {class: 'govuk-body'}, 'text', child, ...). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) {
      el.addEventListener(k.substring(2), v);
    } else {
      el.setAttribute(k, v === true ? '' : v);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** The query parameter of the page's address. */
export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2015-03-09" -> "9 March 2015" (a date has no time zone). */
export function date(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.substring(0, 10).split('-').map(Number);
  return d + ' ' + MONTHS[m - 1] + ' ' + y;
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant, in UK time: "25 November 2026 at 14:03". */
export function dateTime(iso) {
  if (!iso) return '';
  const p = Object.fromEntries(LONDON.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return p.day + ' ' + p.month + ' ' + p.year + ' at ' + p.hour + ':' + p.minute;
}

/** "9991234567" -> "999 123 4567", kept on one line. */
export function nhs(n) {
  if (!n) return '';
  const d = String(n).replace(/\s/g, '');
  return h('span', { class: 'app-nowrap' },
    d.length === 10 ? d.substring(0, 3) + ' ' + d.substring(3, 6) + ' ' + d.substring(6) : n);
}

export function fullName(p) {
  return p ? [p.givenName, p.familyName].filter(Boolean).join(' ') : '';
}

/** A GOV.UK tag; colour: grey, green, turquoise, blue, light-blue, purple, pink, red, orange, yellow. */
export function tag(text, colour) {
  return h('strong', { class: 'govuk-tag' + (colour ? ' govuk-tag--' + colour : '') }, text);
}

/** A summary list of [label, value] rows (rows with a null value are left out). */
export function summaryList(rows, extraClass) {
  return h(
    'dl',
    { class: 'govuk-summary-list' + (extraClass ? ' ' + extraClass : '') },
    rows
      .filter((r) => r && r[1] !== null && r[1] !== undefined && r[1] !== '')
      .map(([k, v]) =>
        h('div', { class: 'govuk-summary-list__row' },
          h('dt', { class: 'govuk-summary-list__key' }, k),
          h('dd', { class: 'govuk-summary-list__value' }, v))),
  );
}

/** A table with a caption; rows are arrays of cells (text or nodes); empty says so. */
export function table(caption, headers, rows, empty, id) {
  if (!rows.length) {
    return h('div', { id },
      h('h2', { class: 'govuk-heading-m' }, caption),
      h('p', { class: 'govuk-body' }, empty));
  }
  return h('table', { class: 'govuk-table', id },
    h('caption', { class: 'govuk-table__caption govuk-table__caption--m' }, caption),
    h('thead', { class: 'govuk-table__head' },
      h('tr', { class: 'govuk-table__row' },
        headers.map((t) => h('th', { scope: 'col', class: 'govuk-table__header' }, t)))),
    h('tbody', { class: 'govuk-table__body' },
      rows.map((r) =>
        h('tr', { class: 'govuk-table__row' },
          r.map((c) => h('td', { class: 'govuk-table__cell' }, c))))));
}

/** Shows a GOV.UK error summary at the top of main, and moves focus to it. */
export function showError(message, fieldId) {
  clearMessages();
  const item = fieldId && document.getElementById(fieldId)
    ? h('a', { href: '#' + fieldId }, message)
    : message;
  const box = h('div', { class: 'govuk-error-summary', 'data-module': 'govuk-error-summary', id: 'error-summary' },
    h('div', { role: 'alert' },
      h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
      h('div', { class: 'govuk-error-summary__body' },
        h('ul', { class: 'govuk-list govuk-error-summary__list' }, h('li', {}, item)))));
  box.tabIndex = -1;
  document.getElementById('messages').append(box);
  box.focus();
}

/** Shows a GOV.UK success notification banner at the top of main. */
export function showSuccess(heading, text) {
  clearMessages();
  const box = h('div', {
    class: 'govuk-notification-banner govuk-notification-banner--success',
    role: 'alert', 'aria-labelledby': 'success-title', id: 'success-banner',
  },
  h('div', { class: 'govuk-notification-banner__header' },
    h('h2', { class: 'govuk-notification-banner__title', id: 'success-title' }, 'Success')),
  h('div', { class: 'govuk-notification-banner__content' },
    h('h3', { class: 'govuk-notification-banner__heading' }, heading),
    text ? h('p', { class: 'govuk-body' }, text) : null));
  box.tabIndex = -1;
  document.getElementById('messages').append(box);
  box.focus();
}

export function clearMessages() {
  document.getElementById('messages').replaceChildren();
}

/** Replaces the page's content area with the nodes given. */
export function render(...nodes) {
  document.getElementById('content').replaceChildren(...nodes.flat().filter(Boolean));
}

/** Runs a page: shows what the API refused in an error summary instead of a blank page. */
export async function run(page) {
  try {
    await page();
  } catch (e) {
    showError(e.message || String(e));
    if (!document.getElementById('content').hasChildNodes()) {
      render(h('p', { class: 'govuk-body' }, 'This page could not be shown.'));
    }
  } finally {
    document.body.setAttribute('data-ready', 'true');
  }
}

/** Writes who is signed in into the header (council pages). */
export async function signedIn() {
  const me = await api('/workers/me');
  const el = document.getElementById('signed-in');
  if (el) {
    el.textContent = 'Signed in as ' + me.name + (me.team ? ' (' + me.team + ')' : '');
  }
  return me;
}

/** A link to a page of the service. */
export function link(href, text) {
  return h('a', { class: 'govuk-link', href }, text);
}

export function statusText(status) {
  return { INCOMING: 'Incoming', STARTED: 'Started', COMPLETED: 'Completed' }[status] || status;
}
