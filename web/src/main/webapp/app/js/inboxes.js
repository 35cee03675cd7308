// The signed-in worker's council inboxes (R21, R22) and the steps of the one selected:
// flagged steps first (R25), then by due time (R24), as the API orders them, a page of 50 at a
// time (the API sorts and pages in the database, so a backlog of thousands costs one page).
// A filter form above the steps (organisation, care setting, involvement, flagged, overdue, and
// the order) sets the page's query string, which the API is asked with and the pages keep.
import { api, apiReply, h, param, render, run, signedIn, tag, table, dateTime, nhs, fullName, link, statusText } from './lib.js';

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
        ['Step', 'Child', 'Accessed by', 'Care setting', 'Due', 'Status'],
        steps.map(row),
        filtered
          ? 'No steps match the filters.'
          : all ? 'There are no steps in this inbox.' : 'There are no open steps in this inbox.',
        'steps',
      ),
      pagination(here, offset, steps.length, total));
  }
  render(parts);
});

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
