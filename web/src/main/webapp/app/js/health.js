// What health sees (R18, R19): a clinician checks CP-IS by NHS number and sees, per council, who
// to call and the plan; and the previous accesses. Every check is recorded (R20). The page asks
// CP-IS over FHIR R4, as a FHIR-speaking clinical system would: the child's CareTeams (the view,
// recorded and notified as unscheduled care), then, when something is held, the access history
// (AuditEvents with the viewers' PractitionerRoles, this check among them; reading the history is
// not itself a view).
import { fhir, h, render, run, table, summaryList, date, dateTime, nhs, showError, clearMessages } from './lib.js';

const SETTINGS = [
  ['ED', 'Emergency department'],
  ['WIC', 'Walk-in centre'],
  ['MIU', 'Minor injuries unit'],
  ['OOH', 'Out-of-hours GP'],
  ['PAED', 'Paediatric ward'],
  ['MAT', 'Maternity unit'],
  ['AMB', 'Ambulance service'],
];

const NHS_NUMBER = 'https://fhir.nhs.uk/Id/nhs-number';
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const INCLUDE_VIEWERS = 'AuditEvent:entity-type=http://terminology.hl7.org/CodeSystem/v3-RoleClass|ASSIGNED';

// Your details are kept in this browser, so they need typing once; each goes in the header the
// FHIR API reads it from.
const KEPT = [
  ['viewerGiven', 'X-CPIS-User-Given'],
  ['viewerFamily', 'X-CPIS-User-Family'],
  ['jobRole', 'X-CPIS-User-Job-Role-Name'],
  ['organisationOds', 'NHSD-End-User-Organisation-ODS'],
  ['organisationName', 'X-CPIS-Organisation-Name'],
  ['careSetting', 'X-CPIS-Care-Setting'],
];

run(async () => {
  document.getElementById('signed-in').textContent = '';
  const result = h('div', { id: 'result', 'aria-live': 'polite' });
  const input = (id, label, width, attrs) =>
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: id }, label),
      h('input', Object.assign({ class: 'govuk-input ' + width, id, name: id, type: 'text', value: localStorage.getItem('cpis.' + id) || '' }, attrs || {})));
  const setting = h('select', { class: 'govuk-select', id: 'careSetting', name: 'careSetting' },
    SETTINGS.map(([code, label]) => h('option', { value: code, selected: localStorage.getItem('cpis.careSetting') === code }, label)));
  const form = h('form', { novalidate: true, id: 'query' },
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label govuk-label--m', for: 'nhsNumber' }, 'NHS number'),
      h('div', { class: 'govuk-hint', id: 'nhsNumber-hint' }, 'For example, 999 123 4567'),
      h('input', { class: 'govuk-input govuk-input--width-10', id: 'nhsNumber', name: 'nhsNumber', type: 'text', inputmode: 'numeric', spellcheck: 'false', 'aria-describedby': 'nhsNumber-hint' })),
    h('details', { class: 'govuk-details', open: !localStorage.getItem('cpis.viewerFamily') },
      h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'Your details (recorded with every check)')),
      h('div', { class: 'govuk-details__text' },
        input('viewerGiven', 'Given names', 'govuk-input--width-20', { autocomplete: 'given-name' }),
        input('viewerFamily', 'Family name', 'govuk-input--width-20', { autocomplete: 'family-name' }),
        input('jobRole', 'Job role', 'govuk-input--width-20'),
        input('organisationOds', 'Organisation ODS code', 'govuk-input--width-5'),
        input('organisationName', 'Organisation name', 'govuk-input--width-30'),
        h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'careSetting' }, 'Care setting'), setting))),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'check' }, 'Check CP-IS'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearMessages();
    result.replaceChildren();
    const number = form.nhsNumber.value.replace(/\s/g, '');
    const headers = { IsUnscheduledAccessEvent: 'true', TraceID: crypto.randomUUID() };
    for (const [k, header] of KEPT) {
      const v = form[k].value.trim();
      localStorage.setItem('cpis.' + k, v);
      // a request header carries Latin-1 only: anything else is refused here, by field
      if (/[^\u0020-\u00ff]/.test(v)) {
        showError('Use Latin letters only here (a character in this field cannot be sent)', k);
        return;
      }
      if (v) headers[header] = v;
    }
    if (!headers['X-CPIS-User-Family']) {
      showError('Enter your family name: every check is recorded with who looked', 'viewerFamily');
      return;
    }
    if (!headers['NHSD-End-User-Organisation-ODS']) {
      showError("Enter your organisation's ODS code: every check is recorded with where from", 'organisationOds');
      return;
    }
    const search = 'patient:identifier=' + encodeURIComponent(NHS_NUMBER + '|' + number);
    try {
      const teams = await fhir('CareTeam?' + search, headers);
      if (!teams.resource.total) {
        result.replaceChildren(h('div', { class: 'govuk-inset-text', id: 'no-records' },
          h('p', { class: 'govuk-body govuk-!-font-weight-bold' }, 'No CP-IS information held'),
          h('p', { class: 'govuk-body' }, 'CP-IS holds no child protection plan or looked-after status for ', nhs(number), '. Follow your usual safeguarding procedures.')));
        return;
      }
      const history = await fhir('AuditEvent?' + search + '&_include=' + encodeURIComponent(INCLUDE_VIEWERS), headers);
      show(result, number, entries(teams.resource), entries(history.resource),
        teams.headers.get('X-CPIS-Access-Event') !== null);
    } catch (e) {
      showError(e.message, e.code === 'INVALID_SEARCH_DATA' ? 'nhsNumber' : null);
    }
  });
  render(form, result);
});

/** A searchset's resources, matches and includes. */
function entries(bundle) {
  return (bundle.entry || []).map((e) => e.resource);
}

function show(result, number, careTeams, history, recorded) {
  const councils = new Map();
  for (const t of careTeams) {
    const la = t.managingOrganization[0];
    const ods = la.identifier.value;
    if (!councils.has(ods)) councils.set(ods, { ods, name: la.display || t.name, teams: [] });
    councils.get(ods).teams.push(t);
  }
  const cards = [...councils.values()].map((la) => {
    const phones = la.teams[0].telecom || [];
    const phoneFor = (use) => phone((phones.find((p) => p.use === use) || {}).value);
    return h('div', { class: 'govuk-summary-card', 'data-la': la.ods },
      h('div', { class: 'govuk-summary-card__title-wrapper' },
        h('h3', { class: 'govuk-summary-card__title' }, la.name + ' (' + la.ods + ')')),
      h('div', { class: 'govuk-summary-card__content' },
        summaryList([
          ['Office hours', phoneFor('work')],
          ['Out of hours (emergency duty team)', phoneFor('mobile')],
          ...la.teams.map((t) => [planName(t), 'From ' + date(t.period.start) + (t.period.end ? ' to ' + date(t.period.end) : '')]),
        ], null)));
  });
  const roles = new Map(history.filter((r) => r.resourceType === 'PractitionerRole').map((r) => ['PractitionerRole/' + r.id, r]));
  const accesses = history.filter((r) => r.resourceType === 'AuditEvent').map((e) => {
    const who = e.agent.find((a) => a.requestor) || {};
    const role = roles.get(who.who && who.who.reference) || {};
    const org = role.organization || {};
    const ods = org.identifier ? ' (' + org.identifier.value + ')' : '';
    const job = role.code && role.code[0] ? role.code[0].text || (role.code[0].coding || [{}])[0].display || '' : '';
    return [dateTime(e.recorded), who.name || '', job, (org.display || '') + ods, (e.source && e.source.site) || ''];
  });
  result.replaceChildren(
    h('h2', { class: 'govuk-heading-l' }, 'CP-IS information for ', nhs(number)),
    h('div', { class: 'govuk-warning-text' },
      h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
      h('strong', { class: 'govuk-warning-text__text' },
        h('span', { class: 'govuk-visually-hidden' }, 'Warning'),
        'This child is on a child protection plan or looked after. If you have concerns, call the council below.')),
    h('h2', { class: 'govuk-heading-m' }, councils.size === 1 ? 'Who to call' : 'Who to call (' + councils.size + ' councils)'),
    ...cards,
    table('Previous accesses', ['When', 'Who', 'Job role', 'Organisation', 'Care setting'],
      accesses, 'No previous accesses.', 'previous-accesses'),
    recorded
      ? h('p', { class: 'govuk-body-s' }, 'Your check has been recorded, and the council has been told.')
      : h('p', { class: 'govuk-body-s' }, 'Your check has not been notified to the council (view without notification).'),
  );
}

/** The plan, by the national SNOMED category of the CareTeam. */
function planName(t) {
  const code = t.category && t.category[0] && t.category[0].coding[0].code;
  return { '342191000000101': 'Child Protection Plan', '764841000000100': 'Looked After Child', '818901000000100': 'Unborn Child Protection Plan' }[code]
    || (t.category && t.category[0].coding[0].display) || 'Plan';
}

function phone(n) {
  return n ? h('a', { class: 'govuk-link', href: 'tel:' + n.replace(/\s/g, '') }, n) : 'Not given';
}
