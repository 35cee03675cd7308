// The "CP-IS Follow Up Contact" case note form (R23): how the follow-up was made, the decision
// to act or not to act, and why. Used by the clipboard and by the screening step.
import { api, h, showError } from './lib.js';

const FIELDS = { contactMethod: 'method', decision: 'decision', reason: 'reason' };

function radios(prefix, name, legend, options) {
  return h('div', { class: 'govuk-form-group', id: prefix + '-' + name + '-group' },
    h('fieldset', { class: 'govuk-fieldset' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, legend),
      h('div', { class: 'govuk-radios govuk-radios--small govuk-radios--inline', 'data-module': 'govuk-radios' },
        options.map(([value, label], i) => {
          const id = prefix + '-' + name + (i === 0 ? '' : '-' + value.toLowerCase());
          return h('div', { class: 'govuk-radios__item' },
            h('input', { class: 'govuk-radios__input', id, name: prefix + '-' + name, type: 'radio', value }),
            h('label', { class: 'govuk-label govuk-radios__label', for: id }, label));
        }))));
}

/**
 * A form that records the case note on the child's file, then calls complete(caseNoteId).
 * prefix keeps ids unique when several forms are on one page.
 */
export function caseNoteForm(prefix, childId, buttonText, complete) {
  const reason = h('textarea', { class: 'govuk-textarea', id: prefix + '-reason', name: prefix + '-reason', rows: '3' });
  const form = h('form', { novalidate: true, id: prefix + '-form' },
    h('h3', { class: 'govuk-heading-s' }, 'CP-IS Follow Up Contact case note'),
    radios(prefix, 'method', 'How did you follow up?', [['TELEPHONE', 'Telephone'], ['VISIT', 'Visit']]),
    radios(prefix, 'decision', 'Decision', [['ACT', 'Act'], ['NO_FURTHER_ACTION', 'No further action']]),
    h('div', { class: 'govuk-form-group', id: prefix + '-reason-group' },
      h('label', { class: 'govuk-label govuk-label--s', for: prefix + '-reason' }, 'Reason for the decision'),
      reason),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: prefix + '-submit' }, buttonText));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const picked = (name) => {
      const el = form.querySelector('input[name="' + prefix + '-' + name + '"]:checked');
      return el ? el.value : null;
    };
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const note = await api('/children/' + childId + '/case-notes', {
        method: 'POST',
        body: { contactMethod: picked('method'), decision: picked('decision'), reason: reason.value },
      });
      await complete(note.id);
    } catch (e) {
      const f = e.field && FIELDS[e.field];
      showError(e.message, f ? prefix + '-' + f : null);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
