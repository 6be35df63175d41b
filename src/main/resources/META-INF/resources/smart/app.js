// The SMART app (/smart/app, the redirect URL registered in the EHR). It completes the EHR launch with the SMART
// project's client (fhirclient): the state must match the launch's, the code is exchanged with the PKCE verifier.
// Then, with the access token, it reads the patient's chart, asks Mesoscreen's $populate for the answers the chart
// gives, shows <mesoscreen-intake> prefilled with them (each marked "from the record"), screens the completed
// QuestionnaireResponse and, when the EHR granted it, creates that QuestionnaireResponse on the EHR's server.
//
// Nothing stays in the browser: what crossed the redirect in sessionStorage (fhirclient's state with the PKCE
// verifier, and the clinic's publishable key) is moved into this page's memory and sessionStorage cleared before
// the code is exchanged, so the token is only ever in memory; code and state leave the address at once.
import '../mesoscreen-intake.js';
import { prefillOf, responseOf } from './responses.js';

// fhirclient keeps its state in window.sessionStorage, read key by key: it gets an object in memory instead.
const carried = Object.create(null);
for (let i = 0; i < sessionStorage.length; i++) carried[sessionStorage.key(i)] = sessionStorage.getItem(sessionStorage.key(i));
sessionStorage.clear();
Object.defineProperty(window, 'sessionStorage', { value: carried, configurable: true });
const apiKey = carried['mesoscreen-smart-key'] ?? null;
delete carried['mesoscreen-smart-key'];

const service = new URL('..', location.href);
const status = document.getElementById('status');
const record = document.getElementById('record');
const LOINC_PREGNANCY = 'http://loinc.org|82810-3';

function say(text, kind = 'note') {
  status.textContent = text;
  status.className = kind;
  status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

/** Stops with a message; nothing further is requested. */
class Stop extends Error {}

function stop(text) {
  throw new Stop(text);
}

/** Completes the authorisation, or says why it cannot be. */
async function authorise() {
  const params = new URLSearchParams(location.search);
  const cleanAddress = () => history.replaceState(null, '', location.pathname);
  if (params.has('error')) {
    cleanAddress();
    stop(params.get('error') === 'access_denied'
      ? 'The EHR did not authorise Mesoscreen (access denied), so nothing was read from the record. Launch it again'
        + ' from the EHR and allow access to continue.'
      : `The EHR refused the authorisation (${params.get('error')}${params.get('error_description')
        ? `: ${params.get('error_description')}` : ''}), so nothing was read from the record.`);
  }
  let state;
  try {
    state = JSON.parse(carried.SMART_KEY ?? 'null');
  } catch {
    state = null;
  }
  if (!params.get('state') || params.get('state') !== state) {
    // fhirclient would refuse it too; checked here first, so that not even its lookups run.
    cleanAddress();
    stop('This sign-in does not match the launch it answers (its state differs, or the page was opened on its own),'
      + ' so Mesoscreen did not ask the EHR for a token. Launch Mesoscreen from the EHR again.');
  }
  try {
    return await FHIR.oauth2.ready();
  } catch (error) {
    cleanAddress();
    stop(error.status
      ? `The EHR refused the token request (HTTP ${error.status}${error.statusText ? ` ${error.statusText}` : ''}), so`
        + ' nothing was read from the record. Launch Mesoscreen from the EHR again.'
      : `The sign-in with the EHR could not be completed (${error.message}). Launch Mesoscreen from the EHR again.`);
  } finally {
    cleanAddress();
  }
}

/** One read of the chart; a 401 (an expired token) or any other failure stops the app. */
async function read(client, what, url, fhirOptions) {
  try {
    return await client.request(url, { useRefreshToken: false, ...fhirOptions });
  } catch (error) {
    if (error.status === 401) {
      stop('The EHR no longer accepts the access token (it has expired or been revoked), so Mesoscreen stopped reading'
        + ' the record. Launch it again from the EHR.');
    }
    stop(`The EHR did not answer the read of ${what} (${error.status ? `HTTP ${error.status}` : error.message}), so`
      + ' Mesoscreen stopped. Nothing was sent anywhere.');
  }
}

/** The chart as $populate's context parts: the patient, then one Bundle per list. */
async function chart(client, patient) {
  const id = encodeURIComponent(patient);
  const lists = [
    ['conditions', 'the conditions', `Condition?patient=${id}`, 0],
    ['medicationRequests', 'the medication requests', `MedicationRequest?patient=${id}`, 0],
    ['medicationStatements', 'the medication statements', `MedicationStatement?patient=${id}`, 0],
    ['allergies', 'the allergies', `AllergyIntolerance?patient=${id}`, 0],
    ['pregnancyStatus', 'the pregnancy status', `Observation?patient=${id}&code=${encodeURIComponent(LOINC_PREGNANCY)}`
      + '&_sort=-date&_count=1', 1],
  ];
  const parts = [['patient', await read(client, 'the patient', `Patient/${id}`)]];
  for (const [name, what, url, pageLimit] of lists) {
    // One after the other: a refusal stops the reads that would follow it.
    const resources = await read(client, what, url, { flat: true, pageLimit });
    parts.push([name, { resourceType: 'Bundle', type: 'collection', entry: resources.map(resource => ({ resource })) }]);
  }
  return parts;
}

function headers(extra) {
  return { Accept: 'application/fhir+json', 'Accept-Language': navigator.language || 'en',
    ...(apiKey ? { 'X-API-Key': apiKey } : {}), ...extra };
}

/** POST /fhir/Questionnaire/{id}/$populate (SDC): the answers the chart gives, and what it could not read. */
async function populate(questionnaire, patient, parts) {
  const body = { resourceType: 'Parameters', parameter: [
    { name: 'subject', valueReference: { reference: `Patient/${patient}` } },
    ...parts.map(([name, content]) => ({ name: 'context', part: [{ name: 'name', valueString: name },
      { name: 'content', resource: content }] })),
  ] };
  let response;
  try {
    response = await fetch(new URL(`fhir/Questionnaire/${encodeURIComponent(questionnaire)}/$populate`, service), {
      method: 'POST', credentials: 'omit', headers: headers({ 'Content-Type': 'application/fhir+json' }),
      body: JSON.stringify(body) });
  } catch {
    stop('Mesoscreen cannot be reached, so the form could not be prefilled. Try again later.');
  }
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    const issue = answer?.issue?.[0];
    stop(`Mesoscreen could not prefill the form (HTTP ${response.status}${issue?.diagnostics ? `: ${issue.diagnostics}` : ''}).`);
  }
  const parameter = name => answer.parameter?.find(p => p.name === name)?.resource;
  return { response: parameter('response'), issues: parameter('issues') };
}

/** The procedure the card's link named: appContext in the token response, {"procedure":"hydralift"}. */
function procedureOf(tokenResponse) {
  try {
    const context = JSON.parse(tokenResponse.appContext ?? 'null');
    return typeof context?.procedure === 'string' && /^[a-z0-9-]+$/.test(context.procedure) ? context.procedure : null;
  } catch {
    return null;
  }
}

// ---- the page ----------------------------------------------------------------------------------------------

/** Whether the granted scope lets the app create a QuestionnaireResponse (SMART v2 .c, or v1 .write / .*). */
function mayCreate(scope) {
  return (scope ?? '').split(/\s+/).some(s => /^(patient|user)\/(QuestionnaireResponse|\*)\.(\*|write|[cruds]*c[cruds]*)$/.test(s));
}

function showPatient(patient) {
  const name = patient.name?.[0];
  const text = name?.text ?? [...(name?.given ?? []), name?.family].filter(Boolean).join(' ');
  document.getElementById('patient').textContent = [text || `Patient ${patient.id}`,
    patient.birthDate ? `born ${patient.birthDate}` : null].filter(Boolean).join(', ');
}

function showIssues(issues) {
  const lines = (issues?.issue ?? []).map(issue => issue.diagnostics ?? issue.details?.text).filter(Boolean);
  if (!lines.length) return;
  const box = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = `Not read from the record (${lines.length}): please ask`;
  const list = document.createElement('ul');
  lines.forEach(line => list.append(Object.assign(document.createElement('li'), { textContent: line })));
  box.append(summary, list);
  document.getElementById('form').before(box);
}

function note(text, kind) {
  record.replaceChildren(Object.assign(document.createElement('p'), { textContent: text, className: kind }));
}

let saved = null;

/** Creates the screened answers on the EHR's server, once: a later submit says what is in the record already. */
async function writeBack(client, response) {
  if (saved) {
    note(`Already saved in the record as ${saved}; Mesoscreen creates the answers once and does not change them, so`
      + ' this later screening is not saved.', 'warning');
    return;
  }
  const scope = client.state.tokenResponse?.scope;
  if (!mayCreate(scope)) {
    note('Not saved in the record: the EHR did not grant Mesoscreen permission to create a QuestionnaireResponse'
      + ` (granted: ${scope || 'no scope named'}).`, 'warning');
    return;
  }
  try {
    const created = await client.request({ url: 'QuestionnaireResponse', method: 'POST', body: JSON.stringify(response),
      headers: { 'Content-Type': 'application/fhir+json' } }, { useRefreshToken: false });
    saved = created?.id ? `QuestionnaireResponse/${created.id}` : 'a QuestionnaireResponse';
    note(`Saved in the record as ${saved}.`, 'success');
  } catch (error) {
    note(error.status === 401
      ? 'Not saved in the record: the EHR no longer accepts the access token (it has expired). Launch Mesoscreen again.'
      : `Not saved in the record: the EHR refused it (${error.status ? `HTTP ${error.status}` : error.message}).`, 'error');
  }
}

async function main() {
  const client = await authorise();
  const patient = client.patient.id;
  if (!patient) stop('The EHR launched Mesoscreen without a patient, so there is nothing to screen.');
  say('Reading the record…');
  const parts = await chart(client, patient);
  showPatient(parts[0][1]);
  const procedure = procedureOf(client.state.tokenResponse);
  const questionnaire = procedure ? `mesoscreen-intake-${procedure}` : 'mesoscreen-intake';
  say('Prefilling the form from the record…');
  const { response: populated, issues } = await populate(questionnaire, patient, parts);
  const base = (populated?.questionnaire ?? '').replace(/\/Questionnaire\/[^/]*$/, '');
  const { values, recorded } = prefillOf(populated, base);
  showIssues(issues);
  const form = document.createElement('mesoscreen-intake');
  if (procedure) form.setAttribute('procedure', procedure);
  form.setAttribute('api', service.href);
  if (apiKey) form.setAttribute('api-key', apiKey);
  let fhirUser = null;
  try {
    fhirUser = client.getFhirUser() ?? null;
  } catch {
    fhirUser = null;
  }
  let sent = null;
  form.screener = async () => {
    sent = responseOf(form, populated, base, recorded, fhirUser);
    return fetch(new URL('v1/screenings', service), { method: 'POST', credentials: 'omit',
      headers: headers({ 'Content-Type': 'application/fhir+json', Accept: 'application/json' }), body: JSON.stringify(sent) });
  };
  form.addEventListener('mesoscreen-result', () => writeBack(client, sent));
  form.prefill(values);
  document.getElementById('form').append(form);
  const count = Object.keys(values).length;
  say(count ? `${count} answer(s) come from the record and are marked so; check them, answer the rest, and submit.`
    : 'The record answers none of the questions; please answer them and submit.');
}

main().catch(error => {
  say(error instanceof Stop ? error.message : `Mesoscreen stopped: ${error.message}`, 'error');
});
