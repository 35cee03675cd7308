// A workflow step: the access notification (when, who, where; never why, R20), the child's
// involvement and key worker, the access pattern and the attendance timeline (R25), the history, and
// the route's actions (R22).
import {
  api, h, param, render, run, signedIn, tag, table, summaryList, dateTime, date, nhs,
  fullName, link, showError, showSuccess, statusText,
} from './lib.js';
import { caseNoteForm } from './casenote.js';
import { attendanceTimeline } from './timeline.js';

const id = param('id');

const ACTIONS = [
  ['notify-allocated-team', 'Notify allocated team', 'OPEN_SOCIAL_CARE'],
  ['notify-early-help', 'Notify Early Help', 'OPEN_EARLY_HELP'],
  ['refer-to-screening', 'Refer to screening', 'CLOSED'],
];

run(async () => {
  await signedIn();
  await show();
});

async function show() {
  const s = await api('/steps/' + encodeURIComponent(id));
  document.getElementById('page-heading').textContent = s.typeName;
  document.title = s.typeName + ' – OpenCPIS';
  const child = s.notifiedChild || s.child;
  const parts = [
    h('div', { class: 'app-tags', id: 'step-tags' },
      tag(statusText(s.status), s.status === 'COMPLETED' ? 'green' : 'grey'),
      s.flagged ? tag('Pattern', 'red') : null,
      s.escalationReason ? tag('Out of hours', 'purple') : null,
      s.overdue ? tag('Overdue', 'orange') : null),
    summaryList([
      ['Inbox', s.inbox ? s.inbox.name : ''],
      ['Arrived', dateTime(s.createdAt)],
      ['Due', dateTime(s.dueAt)],
      ['Completed', s.completedAt ? dateTime(s.completedAt) : null],
      ['Summary', s.access ? null : s.summary],
    ], 'govuk-!-margin-top-4'),
  ];
  if (s.flagged && s.pattern) {
    parts.push(h('div', { class: 'govuk-warning-text', id: 'pattern-warning' },
      h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
      h('strong', { class: 'govuk-warning-text__text' },
        h('span', { class: 'govuk-visually-hidden' }, 'Warning'),
        'Pattern: ' + s.pattern.reason)));
  }
  if (s.escalationReason) {
    // R24 R25: why this also went to the Emergency Duty Team
    parts.push(h('div', { class: 'govuk-inset-text', id: 'escalation' },
      h('strong', {}, 'Escalated to the Emergency Duty Team. '), s.escalationReason,
      s.escalatedFromStepId ? h('span', {}, '. ', link('step.html?id=' + s.escalatedFromStepId, 'See the CPIS Follow Up')) : null));
  }
  if (s.access) {
    parts.push(h('h2', { class: 'govuk-heading-m' }, 'The access'),
      summaryList([
        ['When', dateTime(s.access.accessedAt)],
        ['Who', s.access.viewerName || 'Not given'],
        ['Job role', s.access.jobRole || 'Not given'],
        ['Organisation', (s.access.organisationName || '') + ' (' + s.access.organisationOds + ')'],
        ['Care setting', s.access.careSetting || 'Not given'],
      ], null));
    parts[parts.length - 1].id = 'access';
  }
  if (child) {
    parts.push(h('h2', { class: 'govuk-heading-m' }, 'The child'),
      summaryList([
        ['Name', s.child ? link('person.html?id=' + s.child.id, fullName(child)) : fullName(child)],
        ['NHS number', nhs(child.nhsNumber)],
        ['Date of birth', date(child.birthDate)],
        ['Council person id', child.localChildId || child.laPersonId],
        ['Involvement now', s.child ? s.child.involvementText : 'Not on the council\'s file'],
        ['Key worker', s.child && s.child.allocatedWorker ? s.child.allocatedWorker.name : 'None allocated'],
      ], null));
    parts[parts.length - 1].id = 'child';
  }
  if (s.pattern) {
    const p = s.pattern;
    parts.push(table('How often CP-IS was checked for this child',
      ['Period', 'Accesses', 'Organisations'],
      [['Last 7 days', String(p.accesses7d), String(p.organisations7d)],
        ['Last 30 days', String(p.accesses30d), String(p.organisations30d)],
        ['Last 90 days', String(p.accesses90d), String(p.organisations90d)]],
      '', 'pattern'));
  }
  const timeline = attendanceTimeline(s.timeline, { current: s.access && s.access.notificationId });
  if (timeline) {
    parts.push(timeline);
  }
  if (s.nextActions && s.nextActions.length) {
    parts.push(h('h2', { class: 'govuk-heading-m' }, 'Next actions'),
      h('ul', { class: 'govuk-list govuk-list--bullet', id: 'next-actions' },
        s.nextActions.map((a) => h('li', {}, a))));
  }
  if (s.status !== 'COMPLETED') {
    parts.push(actions(s));
  }
  parts.push(table('History', ['When', 'Who', 'What'],
    (s.history || []).map((e) => [dateTime(e.at), e.actor || '', e.what]), 'Nothing has happened yet.', 'history'));
  render(parts);
}

function actions(s) {
  const box = h('div', { class: 'app-actions', id: 'actions' }, h('h2', { class: 'govuk-heading-m' }, 'What to do'));
  if (s.routeAdvice && s.type === 'CPIS_FOLLOW_UP') {
    box.append(h('div', { class: 'govuk-inset-text', id: 'route-advice' }, s.routeAdvice));
  }
  if (s.type === 'CPIS_FOLLOW_UP') {
    const involvement = s.child ? s.child.involvement : 'CLOSED';
    box.append(h('div', { class: 'govuk-button-group' },
      ACTIONS.map(([action, label, when]) =>
        h('button', {
          type: 'button',
          class: 'govuk-button' + (when === involvement ? '' : ' govuk-button--secondary'),
          'data-module': 'govuk-button',
          'data-action': action,
          onclick: (ev) => act(action, label, ev.currentTarget),
        }, label))));
  } else if (s.type === 'CPIS_FAILURE' || s.type === 'EDT_ESCALATION') {
    box.append(
      s.type === 'EDT_ESCALATION'
        ? h('p', { class: 'govuk-body' }, 'Look at the pattern and the child’s plan now; the CPIS Follow Up stays with the Safeguarding Admin Team for the next working morning. Mark this step as done when the team has reviewed it.')
        : s.child ? h('p', { class: 'govuk-body' }, 'Correct the record on ', link('person.html?id=' + s.child.id, fullName(s.child) + '’s person summary'), ', then mark this step as done.') : null,
      h('button', {
        type: 'button', class: 'govuk-button', 'data-module': 'govuk-button', 'data-action': 'complete',
        onclick: async (ev) => {
          const button = ev.currentTarget;
          button.disabled = true;
          try {
            await api('/steps/' + id + '/complete', { method: 'POST', body: {} });
            await show();
            showSuccess('Step completed', null);
          } catch (e) {
            showError(e.message);
          } finally {
            button.disabled = false;
          }
        },
      }, 'Mark as done'));
  } else if (!s.child) {
    box.append(h('p', { class: 'govuk-body' }, 'The child is not on the council’s file: record the child first, then complete this step with a case note.'));
  } else {
    box.append(caseNoteForm('complete', s.child.id, 'Complete with case note', async (noteId) => {
      await api('/steps/' + id + '/complete', { method: 'POST', body: { caseNoteId: noteId } });
      await show();
      showSuccess('Step completed', 'The case note records the decision.');
    }));
  }
  return box;
}

async function act(action, label, button) {
  button.disabled = true;
  try {
    const result = await api('/steps/' + id + '/' + action, { method: 'POST' });
    await show();
    if (action === 'refer-to-screening') {
      showSuccess('Referred to screening', 'A step is now in the ' + result.inbox.name + ' inbox.');
    } else {
      showSuccess(label + ': done', '“' + result.subject + '” sent to ' + result.recipient.name + '.');
    }
  } catch (e) {
    showError(e.message);
  } finally {
    button.disabled = false;
  }
}
