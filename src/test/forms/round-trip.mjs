// Renders Mesoscreen's FHIR R4 intake Questionnaire in NLM LHC-Forms (npm `lforms`) in headless
// Chromium, fills it in through the DOM as a user would, and exports the QuestionnaireResponse
// that LHC-Forms builds. Run by mesoscreen.LhcFormsIT, which POSTs that file to $screen.
//
//   node round-trip.mjs <serviceBaseUrl> <outDir>
//
// Writes <outDir>/questionnaire-response.json and <outDir>/form.png and prints the JSON's path.
// Exits non-zero on any page error, console error, failed request or request to anything but
// the local static server: the page must load nothing from the network.
import { createServer } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [base, outArg] = process.argv.slice(2);
if (!base || !outArg) {
  console.error('usage: node round-trip.mjs <serviceBaseUrl> <outDir>');
  process.exit(2);
}
const outDir = resolve(outArg);
const here = dirname(fileURLToPath(import.meta.url));
// The package ships only built files; README: "Using the LHC-Forms Web Component".
const lformsDir = join(here, 'node_modules', 'lforms', 'dist', 'lforms');

const ANSWER_SYSTEM = 'https://mesoscreen.example/fhir/CodeSystem/answer';
const problems = [];

// Tiny static server: / is index.html, /lforms/... is the lforms build. Nothing else.
const mime = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.map': 'application/json' };
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  const file = path === '/' ? join(here, 'index.html')
    : path.startsWith('/lforms/') ? resolve(lformsDir, '.' + path.slice('/lforms'.length)) : null;
  try {
    if (!file || (file !== join(here, 'index.html') && !file.startsWith(lformsDir + sep))) throw new Error();
    res.writeHead(200, { 'Content-Type': mime[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise(ok => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// Node fetches the Questionnaire, not the page: the service is on another origin (no CORS needed).
const qUrl = new URL('fhir/Questionnaire/mesoscreen-intake-hydralift', base);
const qRes = await fetch(qUrl, { headers: { Accept: 'application/fhir+json', 'Accept-Language': 'en' } });
if (!qRes.ok) throw new Error(`GET ${qUrl} answered ${qRes.status}: ${await qRes.text()}`);
const questionnaire = await qRes.json();

// The yes/no/unknown questions, in form order (pre-order walk of the Questionnaire).
const yesNoQuestions = [];
(function walk(items = []) {
  for (const item of items) {
    if (item.type === 'choice' && item.answerOption?.some(o => o.valueCoding?.system === ANSWER_SYSTEM)) yesNoQuestions.push(item.linkId);
    walk(item.item);
  }
})(questionnaire.item);

const profile = await mkdtemp(join(tmpdir(), 'lhc-forms-chromium-'));
const context = await chromium.launchPersistentContext(profile, { // fresh --user-data-dir
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});
try {
  // Only the local static server may be reached; anything else is refused and reported.
  await context.route('**/*', route => {
    const url = route.request().url();
    if (url.startsWith(origin + '/')) return route.continue();
    problems.push(`request outside localhost: ${url}`);
    return route.abort();
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', e => problems.push(`page error: ${e.stack ?? e}`));
  page.on('console', m => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    else console.log(`[page ${m.type()}] ${m.text()}`);
  });
  page.on('requestfailed', r => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', r => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));

  await page.goto(origin + '/');
  // main.js defines LForms.Util; lformsFHIR.min.js adds LForms.FHIR.R4 (loaded by index.html,
  // so LForms.Util.loadFHIRLibs is not needed).
  await page.waitForFunction(() => window.LForms?.Util && window.LForms.FHIR?.R4);
  // addFormToPage accepts a FHIR Questionnaire as is and resolves on the form's onFormReady event.
  await page.evaluate(q => LForms.Util.addFormToPage(q, document.getElementById('form'), { fhirVersion: 'R4' }), questionnaire);

  // LHC-Forms gives each answer input the id "<linkId>/<repetition path>": "/1/1" for a first
  // occurrence inside a (non-repeating) group.
  const input = linkId => page.locator(`[id="${linkId}/1/1"]`);
  // Type like a person, a key every 20 ms: at machine speed autocomplete-lhc now and then loses
  // a longer answer ("I don't know") when the field is left, in the display and in the export.
  async function type(linkId, text) {
    const field = input(linkId);
    await field.click();
    await field.pressSequentially(text, { delay: 20 });
    await field.press('Tab');
  }
  // Choice items are autocomplete-lhc combo boxes: typing an answer's display text and tabbing
  // out selects it; text that matches no answer is cleared, which the final check below catches.
  const chosen = new Map();
  async function choose(linkId, display) {
    await type(linkId, display);
    chosen.set(linkId, display);
  }

  await type('patient.age', '34');
  await choose('patient.sex', 'Female');
  const notShown = [];
  for (const linkId of yesNoQuestions) {
    // Items disabled by enableWhen are not in the DOM at all.
    if (await input(linkId).count() === 0) notShown.push(linkId);
    else await choose(linkId, 'No');
  }
  console.log(`answered "No" to ${chosen.size - 1} questions; not shown: ${notShown.join(', ') || 'none'}`);
  // Every answer must still be on screen once the whole form is filled.
  for (const [linkId, display] of [['patient.age', '34'], ...chosen]) {
    const shown = await input(linkId).inputValue();
    if (shown !== display) problems.push(`${linkId}: entered "${display}", the form shows "${shown}"`);
  }
  await page.evaluate(() => document.activeElement?.blur()); // no focus ring in the screenshot

  const qr = await page.evaluate(() => LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', document.getElementById('form')));
  await mkdir(outDir, { recursive: true });
  const qrPath = join(outDir, 'questionnaire-response.json');
  await writeFile(qrPath, JSON.stringify(qr, null, 2) + '\n');
  await page.screenshot({ path: join(outDir, 'form.png'), fullPage: true });

  if (problems.length) throw new Error(`the page reported problems:\n  ${problems.join('\n  ')}`);
  console.log(qrPath);
} catch (e) {
  console.error(e.stack ?? String(e));
  process.exitCode = 1;
} finally {
  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}
