// <mesoscreen-intake procedure="hydralift" lang="en" api="https://screening.clinic.example">
//
// Mesoscreen's intake form as a web component: one ES module, no dependencies, nothing loaded from
// anywhere but the Mesoscreen service. It renders GET /v1/questionnaire, posts the answers to
// POST /v1/screenings and shows the verdict; the host page hears about it through the bubbling,
// composed events `mesoscreen-result` (detail: the screening result) and `mesoscreen-error`
// (detail: { status, problem }). Answers stay in the form: nothing is written to storage or cookies.
//
// Attributes (each change renders the form again, keeping the answers given so far):
//   procedure  a procedure id (GET /v1/procedures); absent: the whole catalogue
//   lang       en | ru | tr; absent: the page's language
//   api        the service's base URL; absent: where this module was loaded from
//   api-key    sent as X-API-Key when the service requires one (it is visible to anyone who views the page)
//
// For a host that knows answers already (the SMART app, from the EHR's record): `prefill(values)` fills items
// by id and marks each "from the record" (the clinician may change it; the mark then says so); `answers()` reads
// what is on screen, item by item; and a `screener` property, when set, screens the answers instead of the JSON
// post: an async function of the form that returns the fetch Response of the screening.

const UI = {
  en: {
    loading: 'Loading the questionnaire…',
    submit: 'Check my answers',
    checking: 'Checking your answers…',
    add: 'Add another',
    remove: 'Remove',
    entry: 'Entry {n}',
    unanswered: 'Questions you leave unanswered count as “I don\'t know”.',
    disclaimer: 'This check supports the clinic\'s decision; it is not a diagnosis. A clinician reviews your answers before any treatment.',
    required: 'needed to decide',
    resultTitle: 'Your result',
    booking: {
      ELIGIBLE: 'You can book this procedure.',
      ELIGIBLE_WITH_PRECAUTIONS: 'You can book this procedure; the clinic will go through some precautions with you.',
      INCOMPLETE: 'We need a few more answers before you can book.',
      REFER: 'Please see a doctor before booking: a physician has to clear you for this procedure.',
      DEFER: 'Please do not book yet: the procedure has to wait.',
      NOT_ELIGIBLE: 'This procedure is not suitable for you. Please talk to the clinic about alternatives.',
    },
    reasons: 'Why',
    warnings: 'Good to know',
    missing: 'Still to answer',
    eligibleFrom: 'You can book from {date}.',
    unrecognized: 'We could not read these entries; the clinic will review them:',
    alternatives: 'Procedures that may suit you better:',
    preparation: 'Before your visit',
    course: 'Suggested course',
    courseLine: '{sessions} sessions, {interval} days apart, about {minutes} minutes each.',
    aftercare: 'After each session',
    failed: 'Your answers could not be checked.',
    fix: 'Please correct:',
    unreachable: 'The screening service cannot be reached. Please try again later.',
    loadFailed: 'The questionnaire could not be loaded.',
    fromRecord: 'From the record',
    changed: 'From the record, changed',
  },
  ru: {
    loading: 'Загружаем анкету…',
    submit: 'Проверить ответы',
    checking: 'Проверяем ответы…',
    add: 'Добавить ещё',
    remove: 'Удалить',
    entry: 'Запись {n}',
    unanswered: 'Вопросы без ответа считаются ответом «Не знаю».',
    disclaimer: 'Эта проверка помогает клинике принять решение, но не является диагнозом. Перед процедурой ваши ответы просмотрит специалист.',
    required: 'нужно для решения',
    resultTitle: 'Результат',
    booking: {
      ELIGIBLE: 'Вы можете записаться на эту процедуру.',
      ELIGIBLE_WITH_PRECAUTIONS: 'Вы можете записаться на процедуру; в клинике с вами обсудят меры предосторожности.',
      INCOMPLETE: 'Чтобы записаться, нужно ответить ещё на несколько вопросов.',
      REFER: 'Перед записью нужна консультация врача: процедура возможна только с его разрешения.',
      DEFER: 'Пока не записывайтесь: процедуру нужно отложить.',
      NOT_ELIGIBLE: 'Эта процедура вам не подходит. Обсудите с клиникой другие варианты.',
    },
    reasons: 'Почему',
    warnings: 'Полезно знать',
    missing: 'Ещё нужны ответы',
    eligibleFrom: 'Записаться можно с {date}.',
    unrecognized: 'Эти записи мы не смогли распознать; их посмотрит специалист клиники:',
    alternatives: 'Процедуры, которые могут подойти лучше:',
    preparation: 'Перед визитом',
    course: 'Рекомендуемый курс',
    courseLine: 'Процедур: {sessions}, с интервалом {interval} дн., около {minutes} мин. каждая.',
    aftercare: 'После каждой процедуры',
    failed: 'Не удалось проверить ответы.',
    fix: 'Пожалуйста, исправьте:',
    unreachable: 'Сервис проверки недоступен. Попробуйте позже.',
    loadFailed: 'Не удалось загрузить анкету.',
    fromRecord: 'Из медкарты',
    changed: 'Из медкарты, изменено',
  },
  tr: {
    loading: 'Anket yükleniyor…',
    submit: 'Yanıtlarımı kontrol et',
    checking: 'Yanıtlarınız kontrol ediliyor…',
    add: 'Bir tane daha ekle',
    remove: 'Kaldır',
    entry: 'Kayıt {n}',
    unanswered: 'Yanıtlamadığınız sorular “Bilmiyorum” sayılır.',
    disclaimer: 'Bu kontrol kliniğin kararına yardımcı olur; bir teşhis değildir. Her işlemden önce yanıtlarınızı bir uzman inceler.',
    required: 'karar için gerekli',
    resultTitle: 'Sonucunuz',
    booking: {
      ELIGIBLE: 'Bu işlem için randevu alabilirsiniz.',
      ELIGIBLE_WITH_PRECAUTIONS: 'Bu işlem için randevu alabilirsiniz; klinik bazı önlemleri sizinle konuşacak.',
      INCOMPLETE: 'Randevu alabilmeniz için birkaç yanıt daha gerekiyor.',
      REFER: 'Randevudan önce lütfen bir hekime görünün: bu işlem hekim onayı gerektiriyor.',
      DEFER: 'Lütfen henüz randevu almayın: işlemin ertelenmesi gerekiyor.',
      NOT_ELIGIBLE: 'Bu işlem size uygun değil. Lütfen alternatifleri klinikle konuşun.',
    },
    reasons: 'Nedenleri',
    warnings: 'Bilmeniz gerekenler',
    missing: 'Yanıtlanması gerekenler',
    eligibleFrom: '{date} tarihinden itibaren randevu alabilirsiniz.',
    unrecognized: 'Bu kayıtları okuyamadık; klinik bunları inceleyecek:',
    alternatives: 'Size daha uygun olabilecek işlemler:',
    preparation: 'Ziyaretinizden önce',
    course: 'Önerilen kür',
    courseLine: '{sessions} seans, {interval} gün arayla, her biri yaklaşık {minutes} dakika.',
    aftercare: 'Her seanstan sonra',
    failed: 'Yanıtlarınız kontrol edilemedi.',
    fix: 'Lütfen düzeltin:',
    unreachable: 'Tarama hizmetine ulaşılamıyor. Lütfen daha sonra yeniden deneyin.',
    loadFailed: 'Anket yüklenemedi.',
    fromRecord: 'Kayıttan',
    changed: 'Kayıttan, değiştirildi',
  },
};

const CSS = `
:host { display: block; max-width: 44rem; font: inherit; color: inherit; line-height: 1.45; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
form, .result { display: grid; gap: 1rem; }
fieldset { margin: 0; border: 1px solid #b8bec7; border-radius: .5rem; padding: .75rem 1rem 1rem; min-width: 0; }
fieldset.question, fieldset.entries, fieldset.entry { border-color: #d5d9df; }
fieldset.question { display: grid; gap: .35rem; }
legend { font-weight: 600; padding: 0 .25rem; }
fieldset.group > legend { font-size: 1.15em; }
.group-items { display: grid; gap: .85rem; }
.field { display: grid; gap: .35rem; }
.field > label { font-weight: 600; }
.help { margin: 0; color: #4a5360; font-size: .92em; }
.required { color: #4a5360; font-weight: 400; font-size: .85em; }
.options { display: flex; flex-wrap: wrap; gap: .35rem 1.25rem; }
.options label { display: inline-flex; align-items: center; gap: .4rem; min-height: 2.75rem; cursor: pointer; }
input[type=radio], input[type=checkbox] { width: 1.25rem; height: 1.25rem; margin: 0; accent-color: #1d4ed8; }
input[type=text], input[type=number], input[type=date], select {
  font: inherit; width: 100%; max-width: 24rem; min-height: 2.75rem; padding: .4rem .6rem;
  border: 1px solid #6b7480; border-radius: .35rem; background: #fff; color: #111;
}
input[aria-invalid=true], select[aria-invalid=true] { border: 2px solid #b42318; }
.row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.row > input, .row > select { flex: 1 1 12rem; }
button {
  font: inherit; min-height: 2.75rem; padding: .45rem 1rem; border-radius: .35rem; cursor: pointer;
  border: 1px solid #1d4ed8; background: #fff; color: #1d4ed8;
}
button[type=submit] { background: #1d4ed8; color: #fff; font-weight: 600; justify-self: start; }
button:disabled { opacity: .55; cursor: default; }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
input:focus-visible, select:focus-visible, button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
/* Fields one types into show their focus however it came (a date's parts do not match :focus-visible). */
input:not([type=radio]):not([type=checkbox]):focus,
input:not([type=radio]):not([type=checkbox]):focus-within, select:focus { outline: 3px solid #f59e0b; outline-offset: 2px; }
.note { margin: 0; font-size: .92em; color: #4a5360; }
.disclaimer { margin: 0; padding: .6rem .8rem; border-left: 4px solid #6b7480; background: #f3f4f6; color: #1f2937; }
.result { border: 2px solid #6b7480; border-radius: .5rem; padding: 1rem; }
.result h2, .result h3 { margin: 0; }
.result h2 { font-size: 1.2em; }
.result h3 { font-size: 1em; }
.result ul { margin: .25rem 0 0; padding-left: 1.25rem; }
.verdict { font-size: 1.1em; font-weight: 600; margin: 0; }
.result[data-eligibility^=ELIGIBLE] { border-color: #15803d; }
.result[data-eligibility=INCOMPLETE] { border-color: #b45309; }
.result[data-eligibility=DEFER], .result[data-eligibility=REFER], .result[data-eligibility=NOT_ELIGIBLE] { border-color: #b42318; }
.error { border: 2px solid #b42318; border-radius: .5rem; padding: .75rem 1rem; }
.error p { margin: 0; }
.from-record { display: inline-block; margin-left: .5rem; padding: 0 .4rem; border-radius: .25rem; font-size: .8em;
  font-weight: 600; background: #dbeafe; color: #1e3a8a; }
[data-source=changed] .from-record { background: #fef3c7; color: #78350f; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 30rem) {
  fieldset { padding: .5rem .6rem .75rem; }
  .options { flex-direction: column; }
  button { width: 100%; }
}
`;

const sheet = (() => {
  try {
    const s = new CSSStyleSheet();
    s.replaceSync(CSS);
    return s;
  } catch {
    return null; // older browsers: a <style> element instead
  }
})();

/** A DOM element with attributes (false and null left out) and children (text is never parsed as HTML). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) el.append(child);
  }
  return el;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? '');
}

function range(r) {
  if (!r) return '';
  return r.min === r.max ? String(r.min) : `${r.min}–${r.max}`;
}

let serial = 0;

class MesoscreenIntake extends HTMLElement {
  static observedAttributes = ['procedure', 'lang', 'api', 'api-key'];

  #root;
  #generation = 0;
  #pending = false;
  #items = new Map(); // item id -> { item, element, value() } of the form on screen
  #live;
  #body;
  #form;
  #outcome;
  #questionnaire;
  #prefilled = null; // item id -> values, applied whenever the form is (re)rendered
  #groupOf = new Map(); // item id -> its group's id
  #uid = `m${++serial}`;

  /** Optional: async (form) => Response, screening the answers in the host's own way. */
  screener = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    if (sheet && 'adoptedStyleSheets' in this.#root) this.#root.adoptedStyleSheets = [sheet];
    else this.#root.append(h('style', {}, CSS));
    this.#live = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.#body = h('div');
    this.#root.append(this.#live, this.#body);
  }

  connectedCallback() {
    this.#schedule();
  }

  attributeChangedCallback(name, before, after) {
    if (before !== after && this.isConnected) this.#schedule();
  }

  /** The result on screen, if any (also sent in the mesoscreen-result event). */
  get result() {
    return this.#outcome ?? null;
  }

  get #language() {
    const asked = (this.getAttribute('lang') || document.documentElement.lang || navigator.language || 'en')
      .toLowerCase().slice(0, 2);
    return UI[asked] ? asked : 'en';
  }

  get #text() {
    return UI[this.#language];
  }

  get #api() {
    return new URL(this.getAttribute('api') || new URL('.', import.meta.url).href, document.baseURI);
  }

  #headers(extra = {}) {
    const headers = { Accept: 'application/json', 'Accept-Language': this.#language, ...extra };
    const key = this.getAttribute('api-key');
    if (key) headers['X-API-Key'] = key;
    return headers;
  }

  // Several attributes set together render once.
  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.#load();
    });
  }

  async #load() {
    const generation = ++this.#generation;
    const kept = this.#form ? this.#snapshot() : null;
    const text = this.#text;
    if (!this.#form) this.#body.replaceChildren(h('p', { class: 'note' }, text.loading));
    const url = new URL('v1/questionnaire', this.#api.href.endsWith('/') ? this.#api : new URL(this.#api.href + '/'));
    const procedure = this.getAttribute('procedure');
    if (procedure) url.searchParams.set('procedure', procedure);
    let response;
    let body;
    try {
      response = await fetch(url, { headers: this.#headers(), credentials: 'omit' });
      body = await response.json().catch(() => null);
    } catch {
      if (generation === this.#generation) this.#failed(0, null, text.unreachable, text.loadFailed);
      return;
    }
    if (generation !== this.#generation) return; // a newer attribute change won
    if (!response.ok) {
      this.#failed(response.status, body, text.loadFailed);
      return;
    }
    this.#questionnaire = body;
    this.#render(body);
    if (kept) this.#restore(kept);
    else if (this.#prefilled) this.#applyPrefill();
    this.#updateShown();
  }

  // ---- the form ---------------------------------------------------------------------------------

  #render(questionnaire) {
    const text = this.#text;
    this.#items.clear();
    this.#outcome = undefined;
    this.#groupOf.clear();
    questionnaire.groups.forEach(group => group.items.forEach(item => this.#groupOf.set(item.id, group.id)));
    const groups = questionnaire.groups.map(group => h('fieldset', { class: 'group', 'data-group': group.id },
      h('legend', {}, group.title),
      h('div', { class: 'group-items' }, group.items.map(item => this.#renderItem(item)))));
    this.#form = h('form', { novalidate: true, onsubmit: e => this.#submit(e),
      onchange: e => { this.#changed(e); this.#updateShown(); }, oninput: e => { this.#changed(e); this.#updateShown(); } },
      h('p', { class: 'disclaimer', id: `${this.#uid}-disclaimer` }, text.disclaimer),
      groups,
      h('p', { class: 'note' }, text.unanswered),
      h('button', { type: 'submit' }, text.submit));
    this.#body.replaceChildren(this.#form);
    this.#body.lang = questionnaire.language || this.#language;
  }

  #id(item, suffix = '') {
    return `${this.#uid}-${item.id.replace(/[^A-Za-z0-9_-]/g, '-')}${suffix}`;
  }

  #help(item) {
    return item.help ? h('p', { class: 'help', id: this.#id(item, '-help') }, item.help) : null;
  }

  #required(item) {
    return item.required ? h('span', { class: 'required' }, ` (${this.#text.required})`) : null;
  }

  #renderItem(item) {
    if (item.type === 'yes-no-unknown' || (item.type === 'choice' && !item.repeats)) return this.#choices(item, 'radio');
    if (item.type === 'choice') return this.#choices(item, 'checkbox');
    if (item.type === 'text' && item.repeats) return this.#textList(item);
    if (item.type === 'group') return this.#groupList(item);
    return this.#single(item);
  }

  /**
   * A question of its own: a fieldset named by its legend, one radio button per option ("I don't know"
   * included), or a checkbox per option when several may be chosen.
   */
  #choices(item, type) {
    const name = this.#id(item);
    const help = this.#help(item);
    const box = h('fieldset', { class: 'question', 'data-item': item.id, 'aria-describedby': help ? help.id : null },
      h('legend', {}, item.label, this.#required(item)),
      help,
      h('div', { class: 'options' }, item.options.map(option => h('label', {},
        h('input', { type, name, value: option.code }), option.label))));
    const checked = () => [...box.querySelectorAll('input:checked')].map(input => input.value);
    this.#items.set(item.id, {
      item, element: box, value: type === 'radio' ? () => checked()[0] ?? null : checked,
    });
    return box;
  }

  /** A number or a date, with the constraints the service checks. */
  #single(item) {
    const id = this.#id(item);
    const help = this.#help(item);
    const c = item.constraints ?? {};
    const input = h('input', {
      id, name: id, type: item.type === 'integer' ? 'number' : item.type === 'date' ? 'date' : 'text',
      inputmode: item.type === 'integer' ? 'numeric' : null, step: item.type === 'integer' ? 1 : null,
      min: c.min, max: c.max, maxlength: c.maxLength, 'aria-describedby': help ? help.id : null,
      autocomplete: 'off',
    });
    const box = h('div', { class: 'field', 'data-item': item.id },
      h('label', { for: id }, item.label, this.#required(item)), help, input);
    this.#items.set(item.id, { item, element: box, value: () => input.value.trim() || null });
    return box;
  }

  /**
   * A list the patient grows and shrinks, within its maxItems: `entry(help)` makes one entry, `number(entry, i)`
   * names its controls, `value(entries)` reads the list.
   */
  #repeating(item, entry, number, value) {
    const c = item.constraints ?? {};
    const text = this.#text;
    const help = this.#help(item);
    const entries = h('div', { class: 'group-items' });
    const first = el => el.querySelector('input, select');
    const renumber = () => {
      [...entries.children].forEach((el, i) => {
        number(el, i);
        el.querySelector('button.remove').setAttribute('aria-label', `${text.remove}: ${fill(text.entry, { n: i + 1 })}`);
      });
      add.disabled = c.maxItems !== undefined && entries.children.length >= c.maxItems;
    };
    const append = () => {
      const el = entry(help);
      el.append(h('button', {
        type: 'button', class: 'remove', onclick: () => {
          const at = [...entries.children].indexOf(el);
          el.remove();
          if (!entries.children.length) append();
          renumber();
          first(entries.children[Math.min(at, entries.children.length - 1)]).focus();
        },
      }, text.remove));
      entries.append(el);
      renumber();
    };
    const add = h('button', { type: 'button', onclick: () => { append(); first(entries.lastElementChild).focus(); } },
      text.add);
    append();
    const box = h('fieldset', { class: 'question entries', 'data-item': item.id },
      h('legend', {}, item.label, this.#required(item)), help, entries, add);
    this.#items.set(item.id, {
      item, element: box, rows: n => { while (entries.children.length < n) append(); }, value: () => value(entries),
    });
    return box;
  }

  /** Free text, one entry a line: medications, conditions, allergies. */
  #textList(item) {
    const c = item.constraints ?? {};
    return this.#repeating(item,
      help => h('div', { class: 'row' },
        h('input', { type: 'text', maxlength: c.maxLength, autocomplete: 'off', 'aria-describedby': help?.id })),
      (row, i) => {
        const input = row.querySelector('input');
        input.id = `${this.#id(item)}-${i}`;
        input.name = input.id;
        input.setAttribute('aria-label', `${item.label} — ${fill(this.#text.entry, { n: i + 1 })}`);
      },
      entries => [...entries.querySelectorAll('input')].map(input => input.value.trim()).filter(Boolean));
  }

  /** A repeating group (recent procedures): each entry its own fieldset with its parts. */
  #groupList(item) {
    return this.#repeating(item,
      () => h('fieldset', { class: 'entry' }, h('legend', {}), item.items.map(part => {
        const key = part.target?.field ?? part.id;
        const control = part.type === 'choice'
          ? h('select', { 'data-part': key }, h('option', { value: '' }, '—'),
            part.options.map(option => h('option', { value: option.code }, option.label)))
          : h('input', { type: part.type === 'date' ? 'date' : 'text', 'data-part': key, maxlength: part.constraints?.maxLength });
        return h('div', { class: 'field' }, h('label', { 'data-for': key }, part.label), control);
      })),
      (entry, i) => {
        entry.querySelector('legend').textContent = fill(this.#text.entry, { n: i + 1 });
        entry.querySelectorAll('[data-part]').forEach(control => {
          control.id = `${this.#id(item)}-${i}-${control.dataset.part}`;
          control.name = control.id;
        });
        entry.querySelectorAll('label[data-for]').forEach(label => {
          label.htmlFor = `${this.#id(item)}-${i}-${label.dataset.for}`;
        });
      },
      entries => [...entries.children].map(entry => {
        const out = {};
        entry.querySelectorAll('[data-part]').forEach(control => {
          if (control.value.trim()) out[control.dataset.part] = control.value.trim();
        });
        return out;
      }).filter(entry => Object.keys(entry).length));
  }

  /** Shows an item when any of its conditions holds (they name other items by id). */
  #updateShown() {
    for (const { item, element } of this.#items.values()) {
      const shown = !item.shownWhen?.length || item.shownWhen.some(when => {
        const other = this.#items.get(when.question);
        if (!other) return true; // fail open on display: asking more never makes a verdict more permissive
        if (other.element.hidden) return when.orUnanswered;
        const value = other.value();
        const answered = Array.isArray(value) ? value.length > 0 : value !== null;
        return answered ? when.answers.includes(value) : when.orUnanswered;
      });
      element.hidden = !shown;
    }
  }

  // Answers survive a change of language or procedure: by item and position, not by element.
  #snapshot() {
    const kept = new Map();
    for (const [id, entry] of this.#items) {
      const controls = [...entry.element.querySelectorAll('input, select')];
      kept.set(id, controls.map(c => (c.type === 'radio' || c.type === 'checkbox') ? (c.checked ? c.value : null) : c.value));
    }
    return kept;
  }

  #restore(kept) {
    for (const [id, values] of kept) {
      const entry = this.#items.get(id);
      if (!entry) continue;
      const perRow = entry.item.type === 'group' ? entry.item.items.length : 1;
      entry.rows?.(Math.ceil(values.length / perRow));
      const controls = [...entry.element.querySelectorAll('input, select')];
      if (controls.some(c => c.type === 'radio' || c.type === 'checkbox')) {
        const chosen = values.filter(v => v !== null);
        controls.forEach(c => { c.checked = chosen.includes(c.value); });
      } else {
        controls.forEach((c, i) => { if (values[i] !== undefined) c.value = values[i]; });
      }
    }
  }

  // ---- answers a host knows already ---------------------------------------------------------------

  /**
   * Fills items by id and marks each as from the record. `values`: item id -> a list of values: option codes
   * (one for a single choice), texts (one a row of a list), a number or a date, or for a repeating group one
   * object per entry keyed by its parts' fields. Applied when the form is on screen, and again if it is rendered anew.
   */
  prefill(values) {
    this.#prefilled = new Map(Object.entries(values));
    if (this.#form) {
      this.#applyPrefill();
      this.#updateShown();
    }
  }

  #applyPrefill() {
    const kept = new Map();
    for (const [id, values] of this.#prefilled) {
      const entry = this.#items.get(id);
      if (!entry || !values?.length) continue;
      const parts = entry.item.type === 'group' ? entry.item.items.map(part => part.target?.field ?? part.id) : null;
      kept.set(id, parts ? values.flatMap(one => parts.map(part => one[part] ?? '')) : values.map(String));
      entry.element.dataset.source = 'record';
      entry.element.querySelector('.from-record')?.remove();
      entry.element.querySelector('legend, label').append(h('span', { class: 'from-record' }, this.#text.fromRecord));
    }
    this.#restore(kept);
  }

  /** A clinician's change to an answer from the record: the mark says so. */
  #changed(event) {
    const box = event.target.closest?.('[data-source=record]');
    if (!box) return;
    box.dataset.source = 'changed';
    box.querySelector('.from-record').textContent = this.#text.changed;
  }

  /**
   * The answers on screen, in form order: { item, group, values, source } for each shown item with an answer;
   * values as prefill takes them, with `inputs` (the text fields of a list, row by row) for a host that keeps
   * more than the text of an entry; source is 'record', 'changed' (from the record, changed) or null.
   */
  answers() {
    const out = [];
    for (const { item, element, value } of this.#items.values()) {
      if (element.hidden) continue;
      const answer = value();
      const values = answer === null ? [] : Array.isArray(answer) ? answer : [answer];
      if (!values.length) continue;
      const inputs = item.type === 'text' && item.repeats
        ? [...element.querySelectorAll('input[type=text]')].filter(input => input.value.trim()) : undefined;
      out.push({ item, group: this.#groupOf.get(item.id), values, inputs, source: element.dataset.source ?? null });
    }
    return out;
  }

  // ---- the intake -------------------------------------------------------------------------------

  /** The intake, built by each item's target (a JSON Pointer, or an entry of an intake list). */
  #intake() {
    const intake = {};
    const procedure = this.getAttribute('procedure');
    if (procedure) intake.procedure = procedure;
    for (const { item, element, value } of this.#items.values()) {
      if (element.hidden) continue;
      const answer = value();
      const target = item.target;
      if (!target || answer === null || (Array.isArray(answer) && !answer.length)) continue;
      const path = target.pointer.split('/').slice(1).map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      if (!target.list) {
        setAt(intake, path, item.type === 'integer' ? Number(answer) : answer);
        continue;
      }
      const list = getList(intake, path);
      for (const one of Array.isArray(answer) ? answer : [answer]) {
        if (item.type === 'group') list.push(one);
        else if (target.field) list.push({ ...(target.entry ?? {}), [target.field]: one });
        else list.push(one);
      }
    }
    return intake;
  }

  #invalid() {
    const bad = [...this.#form.querySelectorAll('input')].filter(input => !input.closest('[hidden]') && !input.checkValidity());
    bad.forEach(input => input.setAttribute('aria-invalid', 'true'));
    return bad;
  }

  async #submit(event) {
    event.preventDefault();
    const text = this.#text;
    this.#form.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
    this.#root.querySelectorAll('.result, .error').forEach(el => el.remove());
    const bad = this.#invalid();
    if (bad.length) {
      const faults = bad.map(input => ({ path: '', detail: `${this.#labelOf(input)}: ${input.validationMessage}` }));
      this.#showError(text.failed, faults);
      bad[0].focus();
      return;
    }
    const button = this.#form.querySelector('button[type=submit]');
    button.disabled = true;
    this.#live.textContent = text.checking;
    const generation = this.#generation;
    let response;
    let body;
    try {
      const url = new URL('v1/screenings', this.#api.href.endsWith('/') ? this.#api : new URL(this.#api.href + '/'));
      response = this.screener ? await this.screener(this) : await fetch(url, {
        method: 'POST', credentials: 'omit', body: JSON.stringify(this.#intake()),
        headers: this.#headers({ 'Content-Type': 'application/json' }),
      });
      body = await response.json().catch(() => null);
    } catch {
      button.disabled = false;
      this.#failed(0, null, text.unreachable);
      return;
    }
    button.disabled = false;
    if (generation !== this.#generation) return;
    if (!response.ok) {
      this.#failed(response.status, body, text.failed);
      return;
    }
    this.#outcome = body;
    this.#showResult(body);
    this.dispatchEvent(new CustomEvent('mesoscreen-result', { detail: body, bubbles: true, composed: true }));
  }

  #labelOf(input) {
    const box = input.closest('[data-item]');
    const item = box && this.#items.get(box.dataset.item)?.item;
    return item ? item.label : input.name;
  }

  /** A failure: shown, announced, and reported to the host page. */
  #failed(status, problem, message, heading) {
    const faults = problem?.errors?.length ? problem.errors : problem?.detail ? [problem] : [];
    if (this.#form) {
      this.#showError(message, faults);
      this.#markFields(faults);
    } else {
      this.#body.replaceChildren(this.#errorBox(heading ?? message, faults));
      this.#live.textContent = heading ?? message;
    }
    this.dispatchEvent(new CustomEvent('mesoscreen-error', {
      detail: { status, problem: problem ?? null }, bubbles: true, composed: true,
    }));
  }

  #errorBox(message, faults) {
    return h('div', { class: 'error', role: 'alert' }, h('p', {}, message),
      faults.length ? [h('p', {}, this.#text.fix), h('ul', {}, faults.map(f => h('li', {}, f.detail)))] : null);
  }

  #showError(message, faults) {
    this.#root.querySelector('.error')?.remove();
    const box = this.#errorBox(message, faults);
    this.#form.after(box);
    this.#live.textContent = [message, ...faults.map(f => f.detail)].join(' ');
  }

  /** Marks the fields a problem's paths point at ("answers.pregnant", "medications[1].text"). */
  #markFields(faults) {
    for (const fault of faults) {
      const path = String(fault.path ?? '');
      for (const { item, element } of this.#items.values()) {
        const pointer = item.target?.pointer?.slice(1).replace(/\//g, '.');
        if (pointer && (path === pointer || path.startsWith(pointer + '[') || path.startsWith(pointer + '.'))) {
          element.querySelectorAll('input, select').forEach(c => c.setAttribute('aria-invalid', 'true'));
        }
      }
    }
  }

  // ---- the verdict ------------------------------------------------------------------------------

  #showResult(result) {
    const text = this.#text;
    const section = (title, ...content) => h('section', {}, h('h3', {}, title), ...content);
    const list = lines => h('ul', {}, lines.map(line => h('li', {}, line)));
    const course = result.suggestedCourse;
    const headingId = `${this.#uid}-result`;
    const box = h('section', { class: 'result', 'aria-labelledby': headingId, 'data-eligibility': result.eligibility },
      h('h2', { id: headingId, tabindex: -1 }, text.resultTitle),
      h('p', { class: 'verdict' }, text.booking[result.eligibility] ?? result.eligibility),
      result.eligibleFrom ? h('p', {}, fill(text.eligibleFrom, { date: this.#date(result.eligibleFrom) })) : null,
      result.contraindications?.length ? section(text.reasons, list(result.contraindications.map(c =>
        [h('strong', {}, c.title ?? c.id), ' — ', c.message, c.until ? ` (${this.#date(c.until)})` : '']))) : null,
      result.missingAnswers?.length ? section(text.missing, list(result.missingAnswers.map(m => m.label ?? m.question)))
        : null,
      result.warnings?.filter(w => w.title).length ? section(text.warnings, list(result.warnings.filter(w => w.title)
        .map(w => [h('strong', {}, w.title), ' — ', w.message]))) : null,
      result.unrecognized?.length ? h('p', {}, text.unrecognized, ' ',
        result.unrecognized.map(u => u.entry).join(', ')) : null,
      result.alternatives?.length ? h('p', {}, text.alternatives, ' ', result.alternatives.map(a => a.name).join(', '))
        : null,
      result.preparation?.length ? section(text.preparation, list(result.preparation)) : null,
      course ? section(text.course, h('p', {}, [result.procedure?.name, course.programmeName].filter(Boolean).join(' — ')),
        h('p', {}, fill(text.courseLine, {
          sessions: range(course.sessions), interval: range(course.intervalDays), minutes: course.sessionMinutes,
        }))) : null,
      result.aftercare?.length ? section(text.aftercare, list(result.aftercare)) : null,
      h('p', { class: 'disclaimer' }, text.disclaimer));
    this.#form.after(box);
    this.#live.textContent = `${text.resultTitle}: ${text.booking[result.eligibility] ?? result.eligibility}`;
    box.querySelector('h2').focus();
  }

  #date(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    try {
      return new Intl.DateTimeFormat(this.#language, { dateStyle: 'long', timeZone: 'UTC' })
        .format(new Date(Date.UTC(y, m - 1, d)));
    } catch {
      return iso;
    }
  }
}

function setAt(object, path, value) {
  let at = object;
  path.slice(0, -1).forEach(key => { at = at[key] ??= {}; });
  at[path[path.length - 1]] = value;
}

function getList(object, path) {
  let at = object;
  path.slice(0, -1).forEach(key => { at = at[key] ??= {}; });
  return at[path[path.length - 1]] ??= [];
}

if (!customElements.get('mesoscreen-intake')) customElements.define('mesoscreen-intake', MesoscreenIntake);

export { MesoscreenIntake };
