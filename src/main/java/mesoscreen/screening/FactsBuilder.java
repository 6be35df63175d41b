package mesoscreen.screening;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import mesoscreen.intake.Answer;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Sex;
import mesoscreen.rules.Facts;
import mesoscreen.rules.Question;
import mesoscreen.rules.RuleSet;
import mesoscreen.vocabulary.Asserter;
import mesoscreen.vocabulary.Assertion;
import mesoscreen.vocabulary.CodeSystems;
import mesoscreen.vocabulary.Lexicon;

/**
 * Turns a validated intake into canonical {@link Facts}: answers completed with "unknown" (or "no"
 * where a question does not apply to the patient), coded and free-text entries resolved through the
 * vocabulary. An entry that resolves to nothing is kept as {@link Unrecognized}, never dropped.
 * Evidence names the list, not the position in it, and every collection is sorted, so that the
 * order of a request's lists never changes the answer.
 */
final class FactsBuilder {
    private final RuleSet rules;
    private final List<Unrecognized> unrecognized = new ArrayList<>();
    private final List<EvidenceFact> setAside = new ArrayList<>();
    private int thisYear;
    private final Map<String, EvidenceFact> sources = new java.util.HashMap<>();

    private FactsBuilder(RuleSet rules) {
        this.rules = rules;
    }

    /**
     * @param setAside free-text entries read but counted toward no rule (negated, someone else's, nothing,
     *                 future, a past that is over), each with how it was read
     */
    record Built(Facts facts, List<Unrecognized> unrecognized, List<EvidenceFact> setAside, EvidenceSources sources) {
    }

    static Built build(Intake intake, RuleSet rules, LocalDate today) {
        return new FactsBuilder(rules).facts(intake, today);
    }

    private Built facts(Intake intake, LocalDate today) {
        Intake.Patient patient = intake.patient();
        Sex sex = patient == null || patient.sex() == null ? Sex.UNKNOWN : patient.sex();
        LocalDate plannedDate = intake.plannedDate() != null ? intake.plannedDate() : today;
        thisYear = plannedDate.getYear();
        Integer age = patient == null ? null : patient.age();
        LocalDate birthDate = patient == null ? null : patient.birthDate();
        if (age == null && birthDate != null) {
            age = Math.max(0, Period.between(patient.birthDate(), plannedDate).getYears());
        }
        Map<String, Facts.Stated> answers = new LinkedHashMap<>(rules.questions().size() * 2);
        for (Question question : rules.questions().values()) {
            AnswerLines lines = AnswerLines.of(question.id());
            Answer given = intake.answers().get(question.id());
            Facts.Stated stated = lines.stated(question, given, sex);
            answers.put(question.id(), stated);
        }
        Map<String, List<String>> conditions = evidence(resolve("conditions", intake.conditions(),
                rules.vocabulary().conditions()));
        Map<String, List<Facts.Medication>> medications = new java.util.TreeMap<>();
        List<Intake.Entry> medicationEntries = new ArrayList<>(intake.medications().size());
        intake.medications().forEach(medication -> medicationEntries.add(medication.entry()));
        resolve("medications", medicationEntries, rules.vocabulary().medications()).forEach((medicationClass, hits) -> {
            List<Facts.Medication> taken = new ArrayList<>(hits.size());
            hits.forEach(hit -> taken.add(new Facts.Medication(hit.evidence(),
                    intake.medications().get(hit.index()).stoppedOn())));
            taken.sort(MEDICATION_ORDER);
            medications.put(medicationClass, java.util.Collections.unmodifiableList(taken));
        });
        Map<String, List<String>> allergens = evidence(resolve("allergies", intake.allergies(),
                rules.vocabulary().allergens()));
        List<Facts.RecentProcedure> recent = new ArrayList<>();
        for (Intake.RecentProcedure done : intake.recentProcedures()) {
            String line = "recentProcedures: " + done.type() + " on " + done.date();
            recent.add(new Facts.RecentProcedure(done.type(), done.date(), line));
            source(line, new EvidenceFact("/recentProcedures", "date", done.date().toString(), done.type(), null));
        }
        recent.sort(RECENT_ORDER);
        Facts facts = new Facts(intake.procedure(), plannedDate, age, birthDate, sex, answers, conditions, medications, allergens,
                List.copyOf(recent), new java.util.TreeSet<>(intake.areas()), new java.util.TreeSet<>(intake.concerns()));
        unrecognized.sort(UNRECOGNIZED_ORDER);
        setAside.sort(SET_ASIDE_ORDER);
        return new Built(facts, List.copyOf(unrecognized), List.copyOf(new java.util.LinkedHashSet<>(setAside)),
                new EvidenceSources(sources));
    }

    private static final java.util.Comparator<Facts.Medication> MEDICATION_ORDER = java.util.Comparator
            .comparing(Facts.Medication::evidence).thenComparing(m -> String.valueOf(m.stoppedOn()));
    private static final java.util.Comparator<Facts.RecentProcedure> RECENT_ORDER = java.util.Comparator
            .comparing(Facts.RecentProcedure::evidence);
    private static final java.util.Comparator<Unrecognized> UNRECOGNIZED_ORDER = java.util.Comparator
            .comparing(Unrecognized::path).thenComparing(Unrecognized::entry);
    private static final java.util.Comparator<EvidenceFact> SET_ASIDE_ORDER = java.util.Comparator
            .comparing(EvidenceFact::path).thenComparing(EvidenceFact::value).thenComparing(f -> String.valueOf(f.matched()));

    /**
     * Two entries may give the same line ("Xarelto" and " Xarelto"); the smaller value is kept, so that
     * list order does not decide.
     */
    private void source(String line, EvidenceFact fact) {
        sources.merge(line, fact, (a, b) -> String.valueOf(a.value()).compareTo(String.valueOf(b.value())) <= 0 ? a : b);
    }

    /** The fact behind an answer's evidence line (any rule set's), or null for a line that is not an answer's. */
    static EvidenceFact answerFact(String line) {
        return AnswerLines.FACTS.get(line);
    }

    /**
     * What an answer to one question can say, with its evidence line and the fact behind it, made once per
     * question id rather than for every question of every request. Keyed by id alone, as the lines name nothing else: a
     * few entries a rule set, kept across reloads.
     */
    private record AnswerLines(String path, Map<Answer, Facts.Stated> given, Facts.Stated notGiven,
                               Map<Sex, Facts.Stated> notAsked) {
        private static final Map<String, AnswerLines> BY_QUESTION = new java.util.concurrent.ConcurrentHashMap<>();
        /** Every line made here to the fact behind it: an answer's line names all of it. */
        private static final Map<String, EvidenceFact> FACTS = new java.util.concurrent.ConcurrentHashMap<>();

        static AnswerLines of(String question) {
            AnswerLines lines = BY_QUESTION.get(question); // get never locks; computeIfAbsent may, to find what is there
            return lines != null ? lines : BY_QUESTION.computeIfAbsent(question, AnswerLines::make);
        }

        private static AnswerLines make(String question) {
            Map<Answer, Facts.Stated> given = new java.util.EnumMap<>(Answer.class);
            for (Answer answer : Answer.values()) {
                given.put(answer, new Facts.Stated(answer, "answers." + question + " = " + answer.json()));
            }
            Map<Sex, Facts.Stated> notAsked = new java.util.EnumMap<>(Sex.class);
            for (Sex sex : Sex.values()) {
                notAsked.put(sex, new Facts.Stated(Answer.NO, "answers." + question + " not asked: patient.sex = "
                        + sex.json()));
            }
            String path = "/answers/" + question;
            given.forEach((answer, stated) -> FACTS.put(stated.evidence(),
                    new EvidenceFact(path, null, answer.json(), answer.json(), null)));
            Facts.Stated notGiven = new Facts.Stated(Answer.UNKNOWN, "answers." + question + " not given");
            FACTS.put(notGiven.evidence(), new EvidenceFact(path, null, null, Answer.UNKNOWN.json(), null));
            notAsked.values().forEach(stated -> FACTS.put(stated.evidence(),
                    new EvidenceFact(path, null, null, Answer.NO.json(), null)));
            return new AnswerLines(path, given, notGiven, notAsked);
        }

        Facts.Stated stated(Question question, Answer answer, Sex sex) {
            if (answer != null) {
                return given.get(answer);
            }
            return question.appliesTo(sex) ? notGiven : notAsked.get(sex);
        }
    }

    /** An entry of a request list that names a canonical id, with the evidence line for it. */
    private record Hit(int index, String evidence) {
    }

    private static Map<String, List<String>> evidence(Map<String, List<Hit>> hits) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        hits.forEach((id, list) -> out.put(id, list.size() == 1 ? List.of(list.get(0).evidence())
                : sorted(list)));
        return out;
    }

    private static List<String> sorted(List<Hit> hits) {
        List<String> lines = new ArrayList<>(hits.size());
        hits.forEach(hit -> lines.add(hit.evidence()));
        lines.sort(null);
        return java.util.Collections.unmodifiableList(lines);
    }

    /** Canonical id to the entries naming it, e.g. {@code conditions: icd-10 D66 = bleeding-disorder}. */
    private Map<String, List<Hit>> resolve(String field, List<Intake.Entry> entries, Lexicon lexicon) {
        Map<String, List<Hit>> found = new LinkedHashMap<>();
        String path = field + ":";
        for (int i = 0; i < entries.size(); i++) {
            Intake.Entry entry = entries.get(i);
            boolean matched = false;
            java.util.Set<String> coded = java.util.Set.of();
            if (entry.code() != null && entry.system() != null) {
                coded = new java.util.HashSet<>();
                String system = CodeSystems.alias(entry.system()).orElse(null);
                for (String id : system == null ? java.util.Set.<String>of() : lexicon.byCode(system, entry.code())) {
                    String line = path + " " + system + " " + entry.code().trim() + " = " + id;
                    found.computeIfAbsent(id, k -> new ArrayList<>()).add(new Hit(i, line));
                    source(line, new EvidenceFact("/" + field, "code", entry.code(), id, null));
                    coded.add(id);
                    matched = true;
                }
            }
            if (entry.text() != null && !entry.text().isBlank()) {
                matched |= text(field, i, entry.text(), lexicon, coded, found);
            }
            if (!matched) {
                unrecognized.add(new Unrecognized(field, describe(entry)));
            }
        }
        return found;
    }

    /**
     * Reads one entry's free text: what it counts as, with its evidence line, and what it sets aside (a
     * concept its code already names is not set aside: affirmed wins). Returns whether it was read at all.
     */
    private boolean text(String field, int index, String text, Lexicon lexicon, java.util.Set<String> coded,
                         Map<String, List<Hit>> found) {
        Asserter.Entry read = rules.vocabulary().asserter().read(text, lexicon, thisYear);
        String path = "/" + field;
        if (read.nothing()) {
            setAside.add(new EvidenceFact(path, "text", text, null, null, Assertion.NOTHING.json(), read.cue()));
        }
        for (Asserter.Read each : read.reads()) {
            String readAs = each.match().how() == Lexicon.How.EXACT ? null : each.match().term();
            String assertion = each.assertion() == Assertion.AFFIRMED ? null : each.assertion().json();
            if (!each.counts()) {
                if (!coded.contains(each.id())) {
                    setAside.add(new EvidenceFact(path, "text", text, each.id(), readAs, assertion, each.cue()));
                }
                continue;
            }
            String line = field + ": '" + text.strip() + "' = " + each.id()
                    + (readAs != null ? " (read as '" + readAs + "')" : "")
                    + (assertion != null ? " (" + assertion + ": '" + each.cue() + "')" : "");
            List<Hit> hits = found.computeIfAbsent(each.id(), k -> new ArrayList<>());
            if (!hits.contains(new Hit(index, line))) {
                hits.add(new Hit(index, line));
            }
            source(line, new EvidenceFact(path, "text", text, each.id(), readAs, assertion, each.cue()));
        }
        return !read.unread();
    }

    private static String describe(Intake.Entry entry) {
        if (entry.text() != null && !entry.text().isBlank()) {
            return "'" + entry.text().strip() + "'";
        }
        return entry.system() + " " + entry.code();
    }
}
