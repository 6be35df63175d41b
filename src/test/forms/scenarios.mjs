// What the browser tests share: Chromium, scenarios that fail on anything a page must never do, and the moves of a
// clinician or patient filling <mesoscreen-intake>. Used by intake-form.mjs (IntakeFormIT) and smart-launch.mjs
// (SmartLaunchIT).
//
// A scenario fails on any page error, console error (but those it expects), failed request (but those it expects),
// request to a host it does not allow, or anything left in the browser's storage (cookies, localStorage,
// sessionStorage and IndexedDB of the page's origins, read from the browser itself, not from the page).
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const form = 'mesoscreen-intake';

export class Scenarios {
  /** @param outDir where report.json and a screenshot a scenario go; @param allowed the origins pages may reach */
  constructor(outDir, allowed) {
    this.outDir = resolve(outDir);
    this.allowed = new Set(allowed);
    this.report = {};
  }

  async start() {
    await mkdir(this.outDir, { recursive: true });
    this.browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  }

  /**
   * Runs `body(page, check)` in a fresh context; `check(condition, message)` records a failure. The body returns
   * the event it ended with (checked as a mesoscreen-result event), or null. Options: viewport, expectedConsole
   * and expectedFailure (regular expressions), and before(page), run before the first navigation.
   */
  async run(name, options, body) {
    const failures = [];
    const check = (ok, message) => { if (!ok) failures.push(message); };
    const context = await this.browser.newContext({ viewport: options.viewport ?? { width: 1000, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', e => failures.push(`page error: ${e.message}`));
    page.on('console', m => {
      if (m.type() === 'error' && !options.expectedConsole?.test(m.text())) failures.push(`console error: ${m.text()}`);
    });
    page.on('requestfailed', r => {
      if (!options.expectedFailure?.test(r.url())) failures.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
    page.on('request', r => {
      const url = new URL(r.url());
      if (url.protocol === 'data:') return;
      if (!this.allowed.has(url.origin)) failures.push(`request to another host: ${r.url()}`);
    });
    await page.addInitScript(() => {
      window.__events = [];
      for (const type of ['mesoscreen-result', 'mesoscreen-error']) {
        document.addEventListener(type, e => window.__events.push({
          type: e.type, bubbles: e.bubbles, composed: e.composed, target: e.target.localName, detail: e.detail,
        }));
      }
    });
    await options.before?.(page);
    const screenshot = join(this.outDir, `${name}.png`);
    let eligibility = null;
    let extra = {};
    try {
      const event = await body(page, check, extra);
      eligibility = event?.detail?.eligibility ?? null;
      if (event) {
        check(event.type === 'mesoscreen-result', `expected a mesoscreen-result event, got ${event.type}`);
        check(event.bubbles && event.composed, 'the event must bubble and be composed');
        check(event.target === 'mesoscreen-intake', `the event's target is ${event.target}`);
      }
      const stored = await storedIn(context, page);
      check(stored.length === 0, `the browser keeps something: ${stored.join('; ')}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      await page.screenshot({ path: screenshot, fullPage: true });
    } catch (e) {
      failures.push(`scenario threw: ${e.stack ?? e}`);
      await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
    }
    this.report[name] = { failures, eligibility, screenshot, ...extra };
    console.log(`${name}: ${failures.length ? 'FAILED\n  ' + failures.join('\n  ') : 'ok'} (${eligibility})`);
    await context.close();
  }

  async finish() {
    await writeFile(join(this.outDir, 'report.json'), JSON.stringify(this.report, null, 2));
    await this.browser.close();
  }
}

/**
 * What the browser holds, asked of the browser (DevTools protocol), so a page that hides its storage from itself
 * cannot hide it from the test: cookies of every site, and localStorage, sessionStorage and IndexedDB of the
 * origins of the page's frames (the tab's sessionStorage is only reachable through a frame of its origin).
 */
async function storedIn(context, page) {
  const out = (await context.cookies()).map(c => `cookie ${c.name} of ${c.domain}`);
  const origins = new Set(page.frames().map(frame => new URL(frame.url()).origin).filter(o => o.startsWith('http')));
  const cdp = await context.newCDPSession(page);
  await cdp.send('DOMStorage.enable');
  for (const origin of origins) {
    for (const isLocalStorage of [true, false]) {
      const { entries } = await cdp.send('DOMStorage.getDOMStorageItems',
        { storageId: { securityOrigin: origin, isLocalStorage } });
      entries.forEach(([key]) => out.push(`${isLocalStorage ? 'localStorage' : 'sessionStorage'} ${key} of ${origin}`));
    }
    const { databaseNames } = await cdp.send('IndexedDB.requestDatabaseNames', { securityOrigin: origin })
      .catch(() => ({ databaseNames: [] }));
    databaseNames.forEach(db => out.push(`IndexedDB ${db} of ${origin}`));
  }
  await cdp.detach();
  return out;
}

// ---- filling the form ---------------------------------------------------------------------------------------

export async function ready(page) {
  await page.locator(`${form} button[type=submit]`).waitFor();
}

export async function answer(page, item, value) {
  await page.locator(`${form} [data-item="${item}"] input[value="${value}"]`).check();
}

/** Ids of the yes/no/unknown questions on screen that have no answer yet. */
export async function unanswered(page) {
  return page.evaluate(selector => {
    const root = document.querySelector(selector).shadowRoot;
    return [...root.querySelectorAll('fieldset.question[data-item]')]
      .filter(box => !box.closest('[hidden]') && box.querySelector('input[type=radio][value=unknown]')
        && !box.querySelector('input:checked'))
      .map(box => box.dataset.item);
  }, form);
}

/** Answers "no" to every yes/no question on screen but those in `except`. */
export async function allNo(page, except = []) {
  for (const item of await unanswered(page)) {
    if (!except.includes(item)) await answer(page, item, 'no');
  }
}

export async function submit(page) {
  const before = await page.evaluate(() => window.__events.length);
  await page.locator(`${form} button[type=submit]`).click();
  await page.waitForFunction(n => window.__events.length > n, before, { timeout: 20000 });
  return page.evaluate(() => window.__events.at(-1));
}

export async function shown(page, selector) {
  return page.locator(`${form} ${selector}`).innerText();
}
