// The signed-in worker's council inboxes (R21, R22) and the steps of the one selected:
// flagged steps first (R25), then by due time (R24), as the API orders them, a page of 50 at a
// time (the API sorts and pages in the database, so a backlog of thousands costs one page).
// A filter form above the steps (organisation, care setting, involvement, flagged, overdue, and
// the order) sets the page's query string, which the API is asked with and the pages keep.
// Open CPIS Follow Ups can be ticked and routed together by one route (POST /steps/bulk-route).
import { api, apiReply, h, param, render, run, signedIn, tag, table, dateTime, nhs, fullName, link, statusText, showError, clearMessages } from './lib.js';

const ROLE_ORDER = [
  'CPIS_VIRTUAL_WORKER',
  'SCREENING_VIRTUAL_WORKER',
  'DATA_QUALITY_VIRTUAL_WORKER',
  'EDT_VIRTUAL_WORKER',
];

run(async () => {
  const me = await signedIn();
  const inboxes = (await api('/inboxes')).sort(
    (a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  const selectedId = Number(param('inbox')) || (inboxes[0] && inboxes[0].id);
  const all = param('all') === 'true';
  const offset = Math.max(0, Number(param('offset')) || 0);
  const selected = inboxes.find((i) => i.id === selectedId);

  const list = table(
    'Your inboxes',
    ['Inbox', 'Team', 'Open steps'],
    inboxes.map((i) => [
      i.id === selectedId
        ? h('strong', {}, i.name + (i.id === me.id ? ' (your own)' : ''))
        : link('inboxes.html?inbox=' + i.id, i.name + (i.id === me.id ? ' (your own)' : '')),
      i.team || '',
      h('span', { 'data-inbox-count': i.role }, String(i.openSteps)),
    ]),
    'You have no inboxes.',
    'inbox-list',
  );

  const parts = [list];
  if (selected) {
    const filters = new URLSearchParams();
    if (all) filters.set('all', 'true');
    for (const k of FILTERS) {
      const v = param(k);
      if (v) filters.set(k, v);
    }
    const query = filters.toString();
    const [reply, values] = await Promise.all([
      apiReply('/inboxes/' + selected.id + '/steps?limit=' + PAGE + '&offset=' + offset + (query ? '&' + query : '')),
      api('/inboxes/' + selected.id + '/filters' + (all ? '?all=true' : '')),
    ]);
    const steps = reply.data;
    const total = Number(reply.headers.get('X-Total-Count') || steps.length);
    const here = 'inboxes.html?inbox=' + selected.id + (query ? '&' + query : '');
    const filtered = FILTERS.some((k) => k !== 'sort' && param(k));
    parts.push(
      h('p', { class: 'govuk-body' },
        all
          ? link('inboxes.html?inbox=' + selected.id, 'Show open steps only')
          : link('inboxes.html?inbox=' + selected.id + '&all=true', 'Show completed steps too')),
      filterForm(selected.id, all, values),
      table(
        selected.name + ': ' + (all ? 'all steps' : 'open steps') + (filtered ? ' matching the filters' : '') + ' (' + total + ')',
        ['Select', 'Step', 'Child', 'Accessed by', 'Care setting', 'Due', 'Status'],
        steps.map(row),
        filtered
          ? 'No steps match the filters.'
          : all ? 'There are no steps in this inbox.' : 'There are no open steps in this inbox.',
        'steps',
      ),
      steps.some(routable) ? bulkForm() : null,
      pagination(here, offset, steps.length, total));
  }
  render(parts);
});

const ROUTES = [
  ['notify-allocated-team', 'Notify the allocated team (child open to a social-care team)'],
  ['refer-to-screening', 'Refer to Social Care Screening (child not open)'],
  ['notify-early-help', 'Notify the Early Help worker (child open to Early Help)'],
];

/** An open CPIS Follow Up: the steps a route applies to. */
function routable(s) {
  return s.type === 'CPIS_FOLLOW_UP' && s.status !== 'COMPLETED';
}

/** The route to apply to the ticked steps, and the button that sends them. */
function bulkForm() {
  return h('div', { class: 'govuk-form-group', id: 'bulk-route' },
    h('label', { class: 'govuk-label', for: 'bulk-route-name' }, 'Route for the selected steps'),
    h('div', { class: 'govuk-hint' }, 'Each step is routed only if the route fits its child now; the others are listed with the reason and left as they are.'),
    h('select', { class: 'govuk-select', id: 'bulk-route-name', name: 'route' },
      ROUTES.map(([value, text]) => h('option', { value }, text))),
    h('div', {},
      h('button', {
        type: 'button', class: 'govuk-button govuk-!-margin-top-4', 'data-module': 'govuk-button', id: 'route-selected',
        onclick: async (ev) => {
          const button = ev.currentTarget;
          const stepIds = [...document.querySelectorAll('input[name="step"]:checked')].map((c) => Number(c.value));
          if (!stepIds.length) {
            showError('Select the steps to route', 'steps');
            return;
          }
          button.disabled = true;
          try {
            const route = document.getElementById('bulk-route-name').value;
            const result = await api('/steps/bulk-route', { method: 'POST', body: { stepIds, route } });
            showBulkResult(result);
          } catch (e) {
            showError(e.message);
          } finally {
            button.disabled = false;
          }
        },
      }, 'Route selected')));
}

/**
 * What a bulk route did, at the top of the page: how many were routed, each one not routed with
 * why; the routed rows say "Routed" in place of their checkbox, and completed.
 */
function showBulkResult(r) {
  clearMessages();
  const box = h('div', { class: 'govuk-inset-text', id: 'bulk-result', role: 'status' },
    h('p', { class: 'govuk-body govuk-!-font-weight-bold' },
      r.routed.length + ' routed, ' + r.refused.length + ' not routed'),
    r.refused.length
      ? h('ul', { class: 'govuk-list govuk-list--bullet' },
        r.refused.map((x) => h('li', { 'data-refused-step': x.stepId },
          link('step.html?id=' + x.stepId, 'Step ' + x.stepId), ': ' + x.reason)))
      : null,
    h('p', { class: 'govuk-body' }, link(location.href, 'Show the inbox as it is now')));
  box.tabIndex = -1;
  document.getElementById('messages').append(box);
  for (const x of r.routed) {
    const check = document.getElementById('select-' + x.stepId);
    if (!check) continue;
    check.closest('tr').lastElementChild.replaceChildren(tag(statusText('COMPLETED'), 'green'));
    check.closest('td').replaceChildren(tag('Routed', 'green'));
  }
  box.focus();
}

const PAGE = 50;

/** The query parameters the filter form sets, as the API names them. */
const FILTERS = ['organisation', 'careSetting', 'involvement', 'flagged', 'overdue', 'sort'];

const SORTS = [
  ['due', 'Flagged first, then due time'],
  ['arrived', 'Newest first'],
  ['oldest', 'Oldest first'],
];

/**
 * The GOV.UK filter form: a GET of this page with the inbox and the filters, so the address says
 * what is shown (and can be kept or shared); the API checks every value.
 */
function filterForm(inboxId, all, values) {
  const select = (id, label, options) => {
    const current = param(id) || '';
    if (current && !options.some(([v]) => v.toUpperCase() === current.toUpperCase())) {
      options = options.concat([[current, current]]);
    }
    return h('div', { class: 'govuk-form-group app-filter' },
      h('label', { class: 'govuk-label govuk-label--s', for: 'filter-' + id }, label),
      h('select', { class: 'govuk-select', id: 'filter-' + id, name: id },
        options.map(([v, text]) => h('option', { value: v, selected: v.toUpperCase() === current.toUpperCase() }, text))));
  };
  const check = (id, label) =>
    h('div', { class: 'govuk-checkboxes__item' },
      h('input', { class: 'govuk-checkboxes__input', id: 'filter-' + id, name: id, type: 'checkbox', value: 'true', checked: param(id) === 'true' }),
      h('label', { class: 'govuk-label govuk-checkboxes__label', for: 'filter-' + id }, label));
  return h('form', { method: 'get', action: 'inboxes.html', id: 'step-filters', class: 'app-filters', novalidate: true },
    h('input', { type: 'hidden', name: 'inbox', value: String(inboxId) }),
    all ? h('input', { type: 'hidden', name: 'all', value: 'true' }) : null,
    h('fieldset', { class: 'govuk-fieldset' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Filter and sort the steps'),
      select('organisation', 'Organisation',
        [['', 'Any']].concat(values.organisations.map((o) => [o.ods, (o.name ? o.name + ' ' : '') + '(' + o.ods + ')']))),
      select('careSetting', 'Care setting', [['', 'Any']].concat(values.careSettings.map((c) => [c, c]))),
      select('involvement', 'Involvement', [['', 'Any']].concat(values.involvements.map((i) => [i.code, i.text]))),
      select('sort', 'Sort by', SORTS),
      h('div', { class: 'govuk-form-group app-filter' },
        h('div', { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' },
          check('flagged', 'Pattern flagged only'),
          check('overdue', 'Overdue only')))),
    h('div', { class: 'govuk-button-group' },
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button', id: 'apply-filters' }, 'Apply'),
      link('inboxes.html?inbox=' + inboxId + (all ? '&all=true' : ''), 'Clear filters')));
}

/** GOV.UK pagination: previous and next pages of 50, and which steps this page shows. */
function pagination(here, offset, shown, total) {
  if (total <= PAGE && offset === 0) return null;
  const prev = offset > 0
    ? h('div', { class: 'govuk-pagination__prev' },
      h('a', { class: 'govuk-link govuk-pagination__link', href: here + '&offset=' + Math.max(0, offset - PAGE), rel: 'prev' },
        h('span', { class: 'govuk-pagination__link-title' }, 'Previous', h('span', { class: 'govuk-visually-hidden' }, ' page'))))
    : null;
  const next = offset + shown < total
    ? h('div', { class: 'govuk-pagination__next' },
      h('a', { class: 'govuk-link govuk-pagination__link', href: here + '&offset=' + (offset + shown), rel: 'next' },
        h('span', { class: 'govuk-pagination__link-title' }, 'Next', h('span', { class: 'govuk-visually-hidden' }, ' page'))))
    : null;
  return h('nav', { class: 'govuk-pagination govuk-pagination--block', 'aria-label': 'Pages of steps', id: 'steps-pages' },
    h('p', { class: 'govuk-body-s' }, 'Steps ' + (shown ? offset + 1 : 0) + ' to ' + (offset + shown) + ' of ' + total),
    prev, next);
}

function rank(inbox) {
  const i = ROLE_ORDER.indexOf(inbox.role);
  return i < 0 ? ROLE_ORDER.length : i;
}

function row(s) {
  const child = s.notifiedChild || s.child;
  const tags = h('div', { class: 'app-tags' },
    s.flagged ? tag('Pattern', 'red') : null,
    s.overdue ? tag('Overdue', 'orange') : null,
    tag(statusText(s.status), s.status === 'COMPLETED' ? 'green' : 'grey'));
  return [
    routable(s)
      ? h('div', { class: 'govuk-checkboxes govuk-checkboxes--small' },
        h('div', { class: 'govuk-checkboxes__item' },
          h('input', { class: 'govuk-checkboxes__input', type: 'checkbox', name: 'step', value: s.id, id: 'select-' + s.id }),
          h('label', { class: 'govuk-label govuk-checkboxes__label', for: 'select-' + s.id },
            h('span', { class: 'govuk-visually-hidden' }, 'Select step ' + s.id))))
      : '',
    h('div', { 'data-step-id': s.id },
      link('step.html?id=' + s.id, s.typeName),
      s.flagged && s.pattern
        ? h('span', { class: 'govuk-body-s app-reason' }, 'Pattern: ' + s.pattern.reason)
        : null,
      !s.access && s.summary ? h('span', { class: 'govuk-body-s app-reason' }, s.summary) : null),
    child ? h('div', {}, fullName(child), h('br'), h('span', { class: 'govuk-body-s' }, nhs(child.nhsNumber))) : '',
    s.access ? s.access.organisationName || s.access.organisationOds : '',
    s.access ? s.access.careSetting || '' : '',
    dateTime(s.dueAt),
    tags,
  ];
}
