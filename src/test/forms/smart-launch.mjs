// Launches Mesoscreen's SMART app as an EHR does (/smart/launch?iss=…&launch=…), in headless Chromium, against the
// stub EHR of mesoscreen.SmartLaunchIT (the launch handle tells the stub how to answer), and checks what the page
// shows. SmartLaunchIT then checks what reached the EHR.
//
//   EHR=http://127.0.0.1:P ELSEWHERE=http://127.0.0.1:Q node smart-launch.mjs <serviceBaseUrl> <outDir>
//
// Writes <outDir>/report.json and a screenshot a scenario (scenarios.mjs: any console error, request to another
// host or anything left in the browser's storage fails a scenario).
import { Scenarios, allNo, form, ready, submit } from './scenarios.mjs';

const [baseArg, outArg] = process.argv.slice(2);
const { EHR, ELSEWHERE } = process.env;
if (!baseArg || !outArg || !EHR || !ELSEWHERE) {
  console.error('usage: EHR=… ELSEWHERE=… node smart-launch.mjs <serviceBaseUrl> <outDir>');
  process.exit(2);
}
const base = new URL(baseArg);
const launch = (handle, iss = `${EHR}/fhir`) =>
  new URL(`smart/launch?iss=${encodeURIComponent(iss)}&launch=${handle}`, base).href;
// The service and the EHR only; ELSEWHERE is left out, so a request to it fails the scenario as well.
const scenarios = new Scenarios(outArg, [base.origin, new URL(EHR).origin]);
await scenarios.start();

/** Waits for the app's status line to show an error, and returns it. */
async function failure(page) {
  await page.locator('#status.error').waitFor({ timeout: 20000 });
  return page.locator('#status').innerText();
}

/** The address the app is left at carries no code or state. */
function clean(page, check) {
  const url = new URL(page.url());
  check(url.pathname.endsWith('/smart/app') && !url.searchParams.has('code') && !url.searchParams.has('state'),
    `the address still carries the authorisation: ${page.url()}`);
}

const KEY = process.env.PUBLISHABLE_KEY;

/** The whole launch: prefilled from the record, the rest answered, the verdict, the answers saved in the EHR. */
async function fullLaunch(page, check, extra, url) {
  await page.goto(url);
  await page.waitForURL(/\/smart\/app/);
  await ready(page);
  clean(page, check);
  const marked = await page.evaluate(selector => [...document.querySelector(selector).shadowRoot
    .querySelectorAll('[data-source=record]')].map(box => box.dataset.item), form);
  extra.fromRecord = marked;
  check(marked.includes('anticoagulants'), `the blood-thinner answer is not marked from the record: ${marked}`);
  check(await page.locator(`${form} [data-item="anticoagulants"] input[value="yes"]`).isChecked(),
    'the blood-thinner question is not prefilled "yes"');
  check(/From the record/.test(await page.locator(`${form} [data-item="anticoagulants"] .from-record`).innerText()),
    'no "from the record" mark');
  const medication = await page.locator(`${form} [data-item="medications"] input[type=text]`).first().inputValue();
  check(/apixaban/i.test(medication), `the medication list is not prefilled: ${medication}`);
  check(/Chalmers/.test(await page.locator('#patient').innerText()), 'the patient is not named');
  // The clinician changes nothing from the record and answers the rest.
  await allNo(page);
  const event = await submit(page);
  check(event.detail.eligibility === 'REFER', `expected REFER for apixaban: ${event.detail.summary}`);
  check(/Please see a doctor/.test(await page.locator(`${form} .verdict`).innerText()), 'the verdict is not shown');
  await page.locator('#record .success, #record .error, #record .warning').waitFor({ timeout: 20000 });
  const saved = await page.locator('#record').innerText();
  extra.saved = saved;
  check(/Saved in the record as QuestionnaireResponse\/qr-\d+/.test(saved), `not saved: ${saved}`);
  return event;
}

if (KEY) {
  // With keys (SmartLaunchKeysIT): the launch URL the clinic registered carries its publishable key.
  await scenarios.run('launch-with-publishable-key', {}, async (page, check, extra) => {
    const calls = [];
    page.on('response', r => { if (new URL(r.url()).origin === base.origin && !/\.(js|css)$/.test(r.url())) {
      calls.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`);
    } });
    const event = await fullLaunch(page, check, extra, `${launch('happy')}&key=${encodeURIComponent(KEY)}`);
    check(event.detail.ruleset?.clinic === process.env.CLINIC_ID, `ruleset: ${JSON.stringify(event.detail.ruleset)}`);
    extra.calls = calls;
    check(calls.some(c => /^POST \/fhir\/Questionnaire\/.*\$populate 200$/.test(c))
      && calls.some(c => c === 'GET /v1/questionnaire 200') && calls.some(c => c === 'POST /v1/screenings 200'),
    `calls: ${calls}`);
    return event;
  });
  await scenarios.run('launch-without-key', { expectedConsole: /status of 400/ }, async (page, check) => {
    const response = await page.goto(launch('happy'));
    const text = await page.locator('main').innerText();
    check(response.status() === 400 && /publishable key/.test(text), `${response.status()}: ${text}`);
    return null;
  });
  await scenarios.finish();
  process.exit(0);
}

await scenarios.run('launch', {}, (page, check, extra) => fullLaunch(page, check, extra, launch('happy')));

await scenarios.run('iss-off-the-list', { expectedConsole: /status of 400/ }, async (page, check) => {
  const response = await page.goto(launch('happy', `${ELSEWHERE}/fhir`));
  check(response.status() === 400, `the launch answered ${response.status()}`);
  const text = await page.locator('main').innerText();
  check(/not one Mesoscreen works with/.test(text) && /MESOSCREEN_SMART_FHIR_SERVERS/.test(text), `the page says: ${text}`);
  return null;
});

await scenarios.run('tampered-state', {}, async (page, check) => {
  await page.goto(launch('tamper'));
  const text = await failure(page);
  check(/does not match the launch/.test(text) && /did not ask the EHR for a token/.test(text), `the page says: ${text}`);
  clean(page, check);
  return null;
});

await scenarios.run('authorisation-refused', {}, async (page, check) => {
  await page.goto(launch('deny'));
  const text = await failure(page);
  check(/did not authorise Mesoscreen/.test(text) && /nothing was read/.test(text), `the page says: ${text}`);
  check(!new URL(page.url()).searchParams.has('error'), `the address still carries the error: ${page.url()}`);
  return null;
});

await scenarios.run('token-refused', { expectedConsole: /status of 400/ }, async (page, check) => {
  await page.goto(launch('refuse'));
  const text = await failure(page);
  check(/refused the token request \(HTTP 400/.test(text), `the page says: ${text}`);
  clean(page, check);
  return null;
});

await scenarios.run('expired-token', { expectedConsole: /status of 401/ }, async (page, check) => {
  await page.goto(launch('expired'));
  const text = await failure(page);
  check(/no longer accepts the access token/.test(text), `the page says: ${text}`);
  check(await page.locator(form).count() === 0, 'the form was shown without the record');
  return null;
});

await scenarios.finish();
