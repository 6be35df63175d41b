// The demo page: ?lang= and ?procedure= pick the form's language and procedure, the selects change
// them (the form follows its attributes), and the booking button shows what a clinic's site does
// with the mesoscreen-result event. Kept out of the HTML, so the page runs under a strict CSP.
import './mesoscreen-intake.js';

const intake = document.getElementById('intake');
const language = document.getElementById('language');
const procedure = document.getElementById('procedure');
const book = document.getElementById('book');
const state = document.getElementById('booking-state');
const params = new URLSearchParams(location.search);

function set(name, value) {
  if (value) intake.setAttribute(name, value);
  else intake.removeAttribute(name);
  const url = new URL(location.href);
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  history.replaceState(null, '', url);
}

if (params.has('lang')) intake.setAttribute('lang', params.get('lang'));
if (params.has('procedure')) {
  if (params.get('procedure')) intake.setAttribute('procedure', params.get('procedure'));
  else intake.removeAttribute('procedure');
}
language.value = intake.getAttribute('lang') || 'en';
document.documentElement.lang = language.value;

language.addEventListener('change', () => {
  document.documentElement.lang = language.value;
  set('lang', language.value);
});
procedure.addEventListener('change', () => set('procedure', procedure.value));

const bookable = new Set(['ELIGIBLE', 'ELIGIBLE_WITH_PRECAUTIONS']);
intake.addEventListener('mesoscreen-result', event => {
  const verdict = event.detail.eligibility;
  book.disabled = !bookable.has(verdict);
  state.textContent = `Verdict ${verdict}: booking ${book.disabled ? 'stays locked' : 'is open'}.`;
});
intake.addEventListener('mesoscreen-error', event => {
  book.disabled = true;
  state.textContent = `The form reported an error (status ${event.detail.status}).`;
});

const catalogue = await fetch('v1/procedures', { headers: { Accept: 'application/json' } })
  .then(r => (r.ok ? r.json() : { procedures: [] })).catch(() => ({ procedures: [] }));
for (const p of catalogue.procedures ?? []) procedure.append(new Option(p.name ?? p.id, p.id));
procedure.value = intake.getAttribute('procedure') ?? '';
