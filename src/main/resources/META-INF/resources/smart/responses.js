// The SMART app's answers both ways: what $populate answered (an SDC QuestionnaireResponse) as <mesoscreen-intake>'s
// prefill, and the form's answers as the completed QuestionnaireResponse that is screened and saved in the EHR.
// linkIds are the form's item ids; groups are "group-" + the form's group id, as Mesoscreen's Questionnaire has them.

/** Mesoscreen's own code systems' names under its FHIR base, by item (yes/no/unknown questions use "answer"). */
const SYSTEMS = { concerns: 'concern', areas: 'area', 'recentProcedures.type': 'procedure-type' };
const GENDER = 'http://hl7.org/fhir/administrative-gender';

/** What $populate answered, as the form's prefill takes it; codings of the record's own systems kept aside. */
export function prefillOf(response, base) {
  const values = {};
  const recorded = {}; // item id -> [{ text, answer }]: a chart entry keeps its coding while its text is unchanged
  const ours = system => !system || system === GENDER || system.startsWith(`${base}/CodeSystem/`);
  const plain = (linkId, answer) => {
    if (answer.valueCoding) {
      const { system, code, display } = answer.valueCoding;
      if (ours(system)) return code;
      const text = display ?? code;
      (recorded[linkId] ??= []).push({ text, answer });
      return text;
    }
    if ('valueBoolean' in answer) return answer.valueBoolean ? 'yes' : 'no';
    return answer.valueString ?? answer.valueInteger ?? answer.valueDate ?? answer.valueDateTime?.slice(0, 10) ?? null;
  };
  const walk = items => {
    for (const item of items ?? []) {
      if (item.item?.length && !item.answer?.length && !item.linkId.startsWith('group-')) {
        // One entry of a repeating group: its parts by field.
        const entry = {};
        item.item.forEach(part => {
          const value = part.answer?.[0] && plain(part.linkId, part.answer[0]);
          if (value != null) entry[part.linkId.split('.').pop()] = value;
        });
        (values[item.linkId] ??= []).push(entry);
        continue;
      }
      const answers = (item.answer ?? []).map(answer => plain(item.linkId, answer)).filter(v => v != null);
      if (answers.length) values[item.linkId] = [...(values[item.linkId] ?? []), ...answers];
      walk(item.item);
      (item.answer ?? []).forEach(answer => walk(answer.item));
    }
  };
  walk(response?.item);
  return { values, recorded };
}

/** The completed QuestionnaireResponse of the form's answers, under $populate's questionnaire and subject. */
export function responseOf(form, populated, base, recorded, author) {
  const systemOf = item => item.type === 'yes-no-unknown' ? `${base}/CodeSystem/answer`
    : item.id === 'patient.sex' ? GENDER : `${base}/CodeSystem/${SYSTEMS[item.id] ?? item.id}`;
  const valueOf = (item, value) => {
    if (item.type === 'yes-no-unknown' || item.type === 'choice') {
      const display = item.options?.find(option => option.code === value)?.label;
      return { valueCoding: { system: systemOf(item), code: value, ...(display ? { display } : {}) } };
    }
    if (item.type === 'integer') return { valueInteger: Number(value) };
    if (item.type === 'date') return { valueDate: value };
    return { valueString: value };
  };
  const groups = new Map();
  for (const { item, group, values, inputs } of form.answers()) {
    if (!groups.has(group)) groups.set(group, []);
    const into = groups.get(group);
    if (item.type === 'group') {
      for (const entry of values) {
        into.push({ linkId: item.id, text: item.label, item: item.items
          .filter(part => entry[part.target?.field ?? part.id])
          .map(part => ({ linkId: part.id, text: part.label, answer: [valueOf(part, entry[part.target?.field ?? part.id])] })) });
      }
      continue;
    }
    const unused = [...(recorded[item.id] ?? [])];
    into.push({ linkId: item.id, text: item.label, answer: values.map((value, i) => {
      const kept = inputs && unused.findIndex(r => r.text === inputs[i].value.trim());
      return kept >= 0 && kept !== undefined ? unused.splice(kept, 1)[0].answer : valueOf(item, value);
    }) });
  }
  return {
    resourceType: 'QuestionnaireResponse',
    ...(populated?.questionnaire ? { questionnaire: populated.questionnaire } : {}),
    status: 'completed',
    subject: populated?.subject,
    authored: new Date().toISOString(),
    ...(author ? { author: { reference: author } } : {}),
    item: [...groups].map(([id, item]) => ({ linkId: `group-${id}`, item })),
  };
}
