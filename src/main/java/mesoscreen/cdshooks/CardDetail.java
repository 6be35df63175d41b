package mesoscreen.cdshooks;

import java.util.List;
import java.util.Map;
import mesoscreen.course.Course;
import mesoscreen.rules.Finding;
import mesoscreen.rules.Range;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.condition.Truth;
import mesoscreen.screening.Screening;
import mesoscreen.screening.Verdict;

/**
 * The Markdown of a card's detail. Text that came from the EHR (evidence quotes its entries) is escaped,
 * so that a chart entry cannot turn into a link or markup in the card.
 */
final class CardDetail {
    private CardDetail() {
    }

    /** Each finding: title, message, evidence, source, and until when / when to reassess. */
    static String findings(List<Finding> findings, RuleSet rules, String language) {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append("**").append(escape(f.rule().title().in(language))).append("**: ")
                    .append(escape(f.rule().message().in(language))).append("\n\n");
            out.append(rules.message("cds.detail.evidence", language)).append(":\n");
            f.evidence().forEach(e -> out.append("- ").append(escape(e)).append('\n'));
            if (f.until() != null) {
                out.append("\n").append(rules.message("cds.detail.until", language)).append(": ").append(f.until());
            }
            if (f.rule().reassess() != null) {
                out.append("\n").append(rules.message("cds.detail.reassess", language)).append(": ")
                        .append(escape(f.rule().reassess().in(language)));
            }
            out.append("\n\n_").append(rules.message("cds.detail.source", language)).append(": ")
                    .append(escape(f.rule().source())).append("_\n\n");
        }
        return out.toString().strip();
    }

    static String eligibleFrom(Verdict verdict, RuleSet rules, String language) {
        return verdict.eligibleFrom() == null ? ""
                : "\n\n**" + rules.message("cds.detail.eligibleFrom", language) + ": " + verdict.eligibleFrom() + "**";
    }

    /** The questions the chart cannot answer, as the questionnaire asks them. */
    static String missing(Screening screening, String language) {
        RuleSet rules = screening.rules();
        StringBuilder out = new StringBuilder(rules.message("cds.detail.missing", language)).append("\n\n");
        for (Map.Entry<String, List<String>> entry : screening.verdict().missing().entrySet()) {
            out.append("- ").append(escape(label(rules, entry.getKey(), language)))
                    .append(" (`").append(entry.getKey()).append("`)\n");
        }
        return out.toString().strip();
    }

    /** Precautions, present or not ruled out, and entries nobody could read. */
    static String precautions(Screening screening, String language) {
        RuleSet rules = screening.rules();
        StringBuilder out = new StringBuilder();
        for (Finding f : screening.verdict().precautions()) {
            out.append("**").append(escape(f.rule().title().in(language))).append("**: ")
                    .append(escape(f.rule().message().in(language))).append('\n');
            List<String> evidence = f.truth() == Truth.TRUE ? f.evidence()
                    : f.missing().stream().map(m -> m + " unknown").toList();
            evidence.forEach(e -> out.append("- ").append(escape(e)).append('\n'));
            out.append('\n');
        }
        if (!screening.unrecognized().isEmpty()) {
            out.append("**").append(rules.message("cds.detail.unrecognized", language)).append("**: ")
                    .append(escape(rules.message("warning.unrecognized", language))).append('\n');
            screening.unrecognized().forEach(u -> out.append("- ").append(escape(u.path() + ": " + u.entry())).append('\n'));
        }
        return out.toString().strip();
    }

    /** Entries read but counted toward no rule, with how each was read and the words that said so. */
    static String setAside(Screening screening, String language) {
        StringBuilder out = new StringBuilder("**").append(screening.rules().message("cds.detail.setAside", language))
                .append("**\n");
        for (var fact : screening.setAside()) {
            out.append("- ").append(escape(fact.path().substring(1) + ": '" + fact.value().strip() + "'"
                    + (fact.matched() == null ? "" : " = " + fact.matched()) + " (" + fact.assertion()
                    + (fact.cue() == null ? "" : ": '" + fact.cue() + "'") + ")")).append('\n');
        }
        return out.toString().strip();
    }

    /** The suggested course of an eligible patient. */
    static String course(Screening screening, String language) {
        RuleSet rules = screening.rules();
        Course course = screening.course();
        if (course == null) {
            return rules.message("eligibility." + screening.verdict().eligibility().name(), language);
        }
        String sessions = rules.message("cds.detail.sessions", language)
                .replace("{sessions}", range(course.programme().sessions()))
                .replace("{interval}", range(course.programme().intervalDays()))
                .replace("{minutes}", range(course.procedure().sessionMinutes()));
        return rules.message("eligibility." + screening.verdict().eligibility().name(), language) + "\n\n**"
                + rules.message("cds.detail.course", language) + "**: " + escape(course.programme().name().in(language))
                + "\n\n- " + sessions
                + (course.schedule().isEmpty() ? "" : "\n- " + String.join(", ",
                        course.schedule().stream().map(Object::toString).toList()));
    }

    private static String label(RuleSet rules, String fact, String language) {
        var question = rules.questions().get(fact);
        if (question != null) {
            return question.label().in(language);
        }
        var field = rules.questionnaire().fields().get(fact);
        return field == null ? fact : field.label().in(language);
    }

    private static String range(Range range) {
        return range.min() == range.max() ? String.valueOf(range.min()) : range.min() + "–" + range.max();
    }

    /** Markdown's inline markup characters as literals (no link, image, HTML or emphasis); line breaks as spaces. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        // A run of line breaks becomes one space; by hand, not by a regular expression compiled at every call.
        StringBuilder out = new StringBuilder(text.length() + 8);
        boolean inBreak = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (!inBreak) {
                    out.append(' ');
                }
                inBreak = true;
                continue;
            }
            inBreak = false;
            if ("\\`*_[]<>#|~!".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
