// The signed-in worker's council inboxes (R21, R22) and the steps of the one selected:
// flagged steps first (R25), then by due time (R24), as the API orders them.
import { api, h, param, render, run, signedIn, tag, table, dateTime, nhs, fullName, link, statusText } from './lib.js';

const ROLE_ORDER = [
  'CPIS_VIRTUAL_WORKER',
  'SCREENING_VIRTUAL_WORKER',
  'DATA_QUALITY_VIRTUAL_WORKER',
];

run(async () => {
  const me = await signedIn();
  const inboxes = (await api('/inboxes')).sort(
    (a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  const selectedId = Number(param('inbox')) || (inboxes[0] && inboxes[0].id);
  const all = param('all') === 'true';
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
    const steps = await api('/inboxes/' + selected.id + '/steps' + (all ? '?all=true' : ''));
    parts.push(
      h('p', { class: 'govuk-body' },
        all
          ? link('inboxes.html?inbox=' + selected.id, 'Show open steps only')
          : link('inboxes.html?inbox=' + selected.id + '&all=true', 'Show completed steps too')),
      table(
        selected.name + ': ' + (all ? 'all steps' : 'open steps') + ' (' + steps.length + ')',
        ['Step', 'Child', 'Accessed by', 'Care setting', 'Due', 'Status'],
        steps.map(row),
        all ? 'There are no steps in this inbox.' : 'There are no open steps in this inbox.',
        'steps',
      ));
  }
  render(parts);
});

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
