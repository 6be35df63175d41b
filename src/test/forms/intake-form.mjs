// Drives Mesoscreen's own web form (<mesoscreen-intake>, served as /mesoscreen-intake.js, on the demo
// page at /) in headless Chromium, as patients would, and checks what the page shows and the
// mesoscreen-result event it sends. Run by mesoscreen.IntakeFormIT.
//
//   node intake-form.mjs <serviceBaseUrl> <outDir>
//
// Writes <outDir>/report.json ({ scenario: { failures: [...], eligibility, screenshot } }) and one
// screenshot a scenario. A scenario fails on any page error, console error, failed request, request
// to another host, or anything left in the browser's storage (scenarios.mjs).
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { Scenarios, allNo, answer, form, ready, shown, submit } from './scenarios.mjs';

const [baseArg, outArg] = process.argv.slice(2);
if (!baseArg || !outArg) {
  console.error('usage: node intake-form.mjs <serviceBaseUrl> <outDir>');
  process.exit(2);
}
const base = new URL(baseArg);
const outDir = resolve(outArg);

// A clinic's site on another origin (another host name for the loopback address, another port): its page is
// served here, the form and the API come from the service, which allows that origin (IntakeFormIT's profile).
// On a deployment with keys (IntakeFormKeysIT), the page embeds the clinic's publishable key, PUBLISHABLE_KEY,
// and only the scenarios of such a deployment run.
const KEY = process.env.PUBLISHABLE_KEY;
const clinicPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Clinic</title><script type="module" src="${new URL('mesoscreen-intake.js', base)}"></script></head>
<body><h1>Book a hydralift</h1><mesoscreen-intake procedure="hydralift" lang="en"${KEY ? ` api-key="${KEY}"` : ''}>
</mesoscreen-intake></body></html>`;
const clinic = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(clinicPage));
// The service allows exactly this origin (IntakeFormIT picks the port).
await new Promise(ok => clinic.listen(Number(process.env.CLINIC_PORT ?? 0), '127.0.0.1', ok));
const CLINIC = `http://${base.hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${clinic.address().port}`;
// The same page under the service's host name: another website (another clinic's, with keys).
const ELSEWHERE = `http://${base.hostname}:${clinic.address().port}`;

const scenarios = new Scenarios(outDir, [base.origin, CLINIC, ELSEWHERE]);
await scenarios.start();
const scenario = (name, options, body) => scenarios.run(name, options, body);

/** Opens `url` and gives the age and sex, as every scenario's patient does first. */
async function start(page, url, age, sex) {
  await page.goto(url);
  await ready(page);
  await page.locator(`${form} input[type=number]`).fill(String(age));
  if (sex) await answer(page, 'patient.sex', sex);
}

const DISCLAIMER = /not a diagnosis/;
const DEMO = new URL('?procedure=hydralift&lang=en', base).href;

if (KEY) {
  // The clinic's page (its origin is the clinic's in clinic.yaml) with its publishable key: the form's three
  // calls pass, and the verdict comes from the clinic's own rules (12 months after isotretinoin, not 6).
  await scenario('clinic-publishable-key', {}, async (page, check) => {
    const calls = [];
    page.on('response', r => { if (r.url().includes('/v1/')) calls.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`); });
    await start(page, `${CLINIC}/booking`, 30, 'female');
    await answer(page, 'isotretinoin', 'yes');
    await allNo(page);
    const stopped = new Date();
    stopped.setUTCMonth(stopped.getUTCMonth() - 8);
    await page.locator(`${form} [data-item="isotretinoinStoppedOn"] input`).fill(stopped.toISOString().slice(0, 10));
    const event = await submit(page);
    check(event.detail.ruleset?.clinic === process.env.CLINIC_ID, `ruleset: ${JSON.stringify(event.detail.ruleset)}`);
    check(event.detail.eligibility === 'DEFER', `expected DEFER under the clinic's 12 months: ${event.detail.summary}`);
    check(event.detail.eligibleFrom != null, 'no eligibleFrom');
    check(/Please do not book yet/.test(await shown(page, '.verdict')), 'the deferral is not shown');
    check(calls.some(c => c.startsWith('GET /v1/questionnaire 200')) && calls.some(c => c.startsWith('POST /v1/screenings 200')),
      `calls: ${calls}`);
    return event;
  });
  // The same page on a website that is not the key's clinic's: the service refuses the key, and the page says so.
  await scenario('publishable-key-elsewhere', { expectedConsole: /status of 403/ }, async (page, check) => {
    await page.goto(`${ELSEWHERE}/booking`);
    await page.waitForFunction(() => window.__events.length > 0, null, { timeout: 20000 });
    const event = await page.evaluate(() => window.__events.at(-1));
    check(event.type === 'mesoscreen-error' && event.detail.status === 403
      && event.detail.problem?.code === 'publishable-key-not-allowed', `event: ${JSON.stringify(event)}`);
    return null;
  });
  await scenarios.finish();
  clinic.close();
  process.exit(0);
}

await scenario('eligible', {}, async (page, check) => {
  await start(page, `${CLINIC}/booking`, 34, 'female');
  await allNo(page);
  const event = await submit(page);
  check(event.detail.eligibility === 'ELIGIBLE', `expected ELIGIBLE: ${event.detail.summary}`);
  check(/You can book this procedure/.test(await shown(page, '.verdict')), 'the verdict is not shown in plain words');
  const result = await shown(page, '.result');
  check(/Suggested course/.test(result) && /After each session/.test(result), 'no course or aftercare shown');
  check(DISCLAIMER.test(await shown(page, '.disclaimer >> nth=0')), 'no "not a diagnosis" statement');
  const live = await page.locator(`${form} [aria-live]`).first().textContent();
  check(/You can book/.test(live), `the live region says: ${live}`);
  return event;
});

await scenario('pregnant', {}, async (page, check) => {
  await start(page, DEMO, 29, 'female');
  await answer(page, 'pregnant', 'yes');
  await allNo(page);
  const event = await submit(page);
  check(event.detail.eligibility === 'DEFER', `expected DEFER: ${event.detail.summary}`);
  check(/Please do not book yet/.test(await shown(page, '.verdict')), 'the deferral is not shown');
  check(/Pregnancy/.test(await shown(page, '.result')), 'the reason is not shown');
  check(await page.locator('#book').isDisabled(), 'the demo page unlocked booking for a deferral');
  return event;
});

await scenario('male', { viewport: { width: 375, height: 800 } }, async (page, check) => {
  await start(page, DEMO, 41);
  check(await page.locator(`${form} [data-item="pregnant"]`).isVisible(), 'pregnancy is not asked before sex is known');
  await answer(page, 'patient.sex', 'male');
  for (const item of ['pregnant', 'breastfeeding', 'menstruating']) {
    check(!(await page.locator(`${form} [data-item="${item}"]`).isVisible()), `${item} is asked of a man`);
  }
  await allNo(page);
  const event = await submit(page);
  check(event.detail.eligibility === 'ELIGIBLE', `expected ELIGIBLE: ${event.detail.summary}`);
  check(event.detail.missingAnswers.length === 0, 'answers still missing');
  check(!(await page.locator('#book').isDisabled()), 'the demo page did not unlock booking');
  return event;
});

await scenario('russian', {}, async (page, check) => {
  await start(page, DEMO, 34);
  await page.locator('#language').selectOption('ru');
  await page.locator(`${form} legend`, { hasText: 'О вас' }).waitFor();
  check(new URL(page.url()).searchParams.get('lang') === 'ru', `the address did not follow: ${page.url()}`);
  check(await page.locator(`${form} input[type=number]`).inputValue() === '34', 'the age was lost when switching');
  check(/Не знаю/.test(await shown(page, '[data-item="pregnant"]')), '"I don\'t know" is not offered in Russian');
  await answer(page, 'patient.sex', 'female');
  await allNo(page);
  const event = await submit(page);
  check(event.detail.eligibility === 'ELIGIBLE', `expected ELIGIBLE: ${event.detail.summary}`);
  check(/[а-я]/.test(event.detail.summary), `the summary is not Russian: ${event.detail.summary}`);
  check(/Вы можете записаться/.test(await shown(page, '.verdict')), 'the verdict is not shown in Russian');
  check(/не является диагнозом/.test(await shown(page, '.disclaimer >> nth=0')), 'no Russian disclaimer');
  return event;
});

await scenario('missing-answer', {}, async (page, check) => {
  await start(page, DEMO, 52, 'female');
  await answer(page, 'tumor', 'unknown'); // "I don't know" is an answer, and it is sent
  await allNo(page, ['bleedingDisorder']);
  const event = await submit(page);
  const missing = event.detail.missingAnswers.map(m => m.question);
  check(event.detail.eligibility === 'INCOMPLETE', `expected INCOMPLETE: ${event.detail.summary}`);
  check(missing.includes('bleedingDisorder') && missing.includes('tumor'), `missing: ${missing}`);
  const result = await shown(page, '.result');
  check(/Still to answer/.test(result), 'the questions still to answer are not shown');
  for (const m of event.detail.missingAnswers) check(result.includes(m.label), `not named on the page: ${m.label}`);
  check(!/bleedingDisorder/.test(event.detail.summary), `the summary names ids: ${event.detail.summary}`);
  return event;
});

await scenario('typo-medication', {}, async (page, check) => {
  await start(page, DEMO, 45, 'female');
  await allNo(page);
  await page.locator(`${form} [data-item="medications"] input[type=text]`).first().fill('Xarelta 20 mg');
  const event = await submit(page);
  check(event.detail.eligibility === 'REFER', `expected REFER: ${event.detail.summary}`);
  const facts = event.detail.contraindications.flatMap(c => c.facts ?? []);
  check(facts.some(f => f.path === '/medications' && f.value === 'Xarelta 20 mg' && f.readAs === 'xarelto'),
    `no structured fact for the typo: ${JSON.stringify(facts)}`);
  check(/Please see a doctor/.test(await shown(page, '.verdict')), 'the referral is not shown');
  check(/Blood-thinning/.test(await shown(page, '.result')), 'the reason is not shown');
  return event;
});

await scenario('keyboard-only', {}, async (page, check) => {
  await page.goto(DEMO);
  await ready(page);
  let submitted = false;
  const unfocused = [];
  for (let i = 0; i < 400 && !submitted; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const style = getComputedStyle(el);
      const box = el.closest('[data-item]');
      return {
        tag: el.localName, type: el.type, value: el.value, item: box?.dataset.item, inForm: !!el.getRootNode().host,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (focus.inForm && !focus.outline) unfocused.push(`${focus.tag} ${focus.type} ${focus.item}`);
    if (!focus.inForm) continue;
    if (focus.type === 'number') await page.keyboard.type('38');
    else if (focus.type === 'radio' && focus.item === 'patient.sex') await page.keyboard.press('Space');
    else if (focus.type === 'radio' && focus.value === 'yes') await page.keyboard.press('ArrowDown');
    else if (focus.tag === 'button' && focus.type === 'submit') {
      await page.keyboard.press('Enter');
      submitted = true;
    }
  }
  check(submitted, 'the submit button was never reached with Tab');
  check(unfocused.length === 0, `focused controls without a visible focus: ${unfocused}`);
  await page.waitForFunction(() => window.__events.length > 0, null, { timeout: 20000 });
  const event = await page.evaluate(() => window.__events.at(-1));
  check(event.detail.eligibility === 'ELIGIBLE', `expected ELIGIBLE: ${event.detail.summary}`);
  const focused = await page.evaluate(sel => document.querySelector(sel).shadowRoot.activeElement?.localName, form);
  check(focused === 'h2', `focus did not move to the result (${focused})`);
  return event;
});

await scenario('unknown-procedure', { expectedConsole: /status of 400/ }, async (page, check) => {
  await page.goto(new URL('?procedure=hydrolift&lang=en', base).href);
  await page.waitForFunction(() => window.__events.length > 0, null, { timeout: 20000 });
  const event = await page.evaluate(() => window.__events.at(-1));
  check(event.type === 'mesoscreen-error' && event.bubbles && event.composed, `event: ${JSON.stringify(event)}`);
  check(event.detail.status === 400 && event.detail.problem.code === 'unknown-procedure', 'not the service\'s problem');
  const shown = await page.locator(`${form} [role=alert]`).innerText();
  check(/could not be loaded/.test(shown) && /did you mean 'hydralift'/.test(shown), `the page shows: ${shown}`);
  return null;
});

await scenario('demo-page', {}, async (page, check) => {
  await page.goto(base.href);
  await ready(page);
  for (const link of ['q/swagger-ui/', 'README.md']) {
    check(await page.locator(`a[href="${link}"]`).count() === 1, `no link to ${link}`);
  }
  const readme = await page.request.get(new URL('README.md', base).href);
  check(readme.ok(), `README.md answers ${readme.status()}`);
  return null;
});

await scenarios.finish();
clinic.close();
