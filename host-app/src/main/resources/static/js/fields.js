// The connection fields of a voice-server type as form inputs, built from what its plugin declares
// (GET /admin/voiceserver-types): numbers with their bounds, text with its length, secrets as password
// inputs that are never filled in (the panel never sends a secret back).
import { $, el } from './ui.js';

const ID_PREFIX = 'service-field-';

/** "ice_secret" -> "Ice secret" */
function labelOf(name) {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function hintOf(field, editing) {
  if (field.kind === 'secret') {
    return editing ? 'Stored encrypted and never shown; leave empty to keep the stored one.'
      : 'Stored encrypted and never shown again.';
  }
  if (field.kind === 'integer') {
    return `A whole number from ${field.min} to ${field.max}.`;
  }
  return null;
}

function inputOf(field, value, editing) {
  const attrs = { id: ID_PREFIX + field.name, name: field.name, autocomplete: 'off', spellcheck: 'false',
    autocapitalize: 'none' };
  if (field.kind === 'integer') {
    Object.assign(attrs, { type: 'number', min: String(field.min), max: String(field.max), step: '1' });
  } else {
    Object.assign(attrs, { type: field.kind === 'secret' ? 'password' : 'text', maxlength: String(field.max_length) });
  }
  if (field.kind === 'secret') {
    attrs.autocomplete = 'new-password';
  }
  // an edit that leaves a secret out keeps the stored one
  if (field.required && !(field.kind === 'secret' && editing)) {
    attrs.required = '';
  }
  const input = el('input', { attrs });
  if (field.kind !== 'secret' && value !== undefined && value !== null) {
    input.value = String(value);
  }
  return input;
}

/** Label, input and hint of each field, in the plugin's order; `values` fills the non-secret ones. */
export function fieldNodes(fields, values, editing) {
  return fields.flatMap((field) => {
    const input = inputOf(field, values[field.name], editing);
    const nodes = [el('label', { text: labelOf(field.name) + (field.required ? '' : ' (optional)'),
      attrs: { for: input.id } }), input];
    const hint = hintOf(field, editing);
    if (hint) {
      const hintId = `${input.id}-hint`;
      input.setAttribute('aria-describedby', hintId);
      nodes.push(el('span', { text: hint, className: 'hint', attrs: { id: hintId } }));
    }
    return nodes;
  });
}

/** The filled-in fields for the voiceserver object: numbers as numbers; empty ones left out. */
export function fieldValues(fields) {
  const values = {};
  for (const field of fields) {
    const input = $(ID_PREFIX + field.name);
    if (input && input.value !== '') {
      values[field.name] = field.kind === 'integer' ? Number(input.value) : input.value;
    }
  }
  return values;
}
