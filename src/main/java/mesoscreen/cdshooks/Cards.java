package mesoscreen.cdshooks;

import java.util.ArrayList;
import java.util.List;
import mesoscreen.http.RandomIds;
import mesoscreen.rules.Finding;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleSet;
import mesoscreen.screening.Eligibility;
import mesoscreen.screening.Screening;
import mesoscreen.screening.Verdict;

/**
 * A screening as cards, one per verdict group (never one per rule): absolute and temporary contraindications
 * (critical), relative ones and precautions (warning), questions the chart cannot answer (warning, with the
 * questionnaire), and for an eligible patient the course (info).
 */
final class Cards {
    static final int MAX_SUMMARY = 139;
    static final String TOPIC_SYSTEM = "urn:mesoscreen:cds-topic";
    static final String OVERRIDE_SYSTEM = "urn:mesoscreen:cds-override-reason";
    private static final List<String> OVERRIDES = List.of("physician-cleared", "chart-outdated", "product-differs");

    private Cards() {
    }

    /**
     * @param questionnaire the absolute URL of the procedure's intake questionnaire
     * @param smartLaunch the absolute URL of the SMART app's launch; null when no app is configured
     */
    static List<Card> of(Screening screening, String language, String questionnaire, String smartLaunch) {
        RuleSet rules = screening.rules();
        Verdict verdict = screening.verdict();
        String procedure = screening.procedure().name().in(language);
        List<Card> out = new ArrayList<>();
        for (Rule.Severity severity : Rule.Severity.values()) {
            List<Finding> group = verdict.contraindications().stream()
                    .filter(f -> f.rule().severity() == severity).toList();
            if (!group.isEmpty()) {
                Eligibility eligibility = Eligibility.of(severity);
                String detail = CardDetail.findings(group, rules, language)
                        + (eligibility == Eligibility.DEFER ? CardDetail.eligibleFrom(verdict, rules, language) : "");
                out.add(card(rules, language, summary(rules, eligibility.name(), language, procedure, group), detail,
                        eligibility == Eligibility.REFER ? "warning" : "critical", "contraindication",
                        overrides(rules, language), List.of()));
            }
        }
        if (!verdict.missing().isEmpty() && verdict.eligibility() != Eligibility.NOT_ELIGIBLE) {
            String summary = rules.message("cds.summary.INCOMPLETE", language).replace("{procedure}", procedure)
                    .replace("{count}", String.valueOf(verdict.missing().size()));
            List<Card.Link> links = new ArrayList<>(List.of(Card.Link.absolute(
                    rules.message("cds.link.questionnaire", language) + ": " + procedure, questionnaire)));
            if (smartLaunch != null) {
                // The EHR hands appContext to the app in its token response (CDS Hooks 2.0, SMART links).
                links.add(new Card.Link(rules.message("cds.link.smart", language) + ": " + procedure, smartLaunch, "smart",
                        "{\"procedure\":\"" + screening.procedure().id() + "\"}"));
            }
            out.add(card(rules, language, summary, CardDetail.missing(screening, language), "warning", "missing-answers",
                    List.of(), links));
        }
        if (!verdict.precautions().isEmpty() || !screening.unrecognized().isEmpty()) {
            out.add(card(rules, language, summary(rules, "PRECAUTIONS", language, procedure, verdict.precautions()),
                    CardDetail.precautions(screening, language), "warning", "precaution", List.of(), List.of()));
        }
        if (verdict.eligibility().compareTo(Eligibility.ELIGIBLE_WITH_PRECAUTIONS) <= 0) {
            out.add(card(rules, language, summary(rules, "ELIGIBLE", language, procedure, List.of()),
                    CardDetail.course(screening, language), "info", "eligible", List.of(), List.of()));
        }
        if (!screening.setAside().isEmpty() && !out.isEmpty()) {
            // Entries read as not applying are shown once, on the first card, so a clinician sees how they were read.
            Card first = out.get(0);
            out.set(0, new Card(first.uuid(), first.summary(), first.detail() + "\n\n"
                    + CardDetail.setAside(screening, language), first.indicator(), first.source(),
                    first.overrideReasons(), first.links()));
        }
        return out;
    }

    /** The card of an order Mesoscreen has no procedure for: it was not screened, and says so. */
    static Card unmapped(RuleSet rules, String language, String order, String system) {
        return card(rules, language, rules.message("cds.summary.unmapped", language),
                rules.message("cds.detail.unmapped", language)
                        .replace("{order}", order == null ? "" : "“" + CardDetail.escape(order) + "”")
                        .replace("{system}", system),
                "info", "unmapped-order", List.of(), List.of());
    }

    private static Card card(RuleSet rules, String language, String summary, String detail, String indicator,
                             String topic, List<Card.Coding> overrides, List<Card.Link> links) {
        return new Card(RandomIds.uuid(), shorten(summary), detail, indicator,
                new Card.Source(rules.message("cds.source.label", language),
                        new Card.Coding(TOPIC_SYSTEM, topic, null)),
                overrides, links);
    }

    private static String summary(RuleSet rules, String key, String language, String procedure, List<Finding> group) {
        return rules.message("cds.summary." + key, language).replace("{procedure}", procedure)
                .replace("{findings}", String.join(", ", group.stream().map(f -> f.rule().title().in(language)).toList()));
    }

    private static List<Card.Coding> overrides(RuleSet rules, String language) {
        return OVERRIDES.stream()
                .map(code -> new Card.Coding(OVERRIDE_SYSTEM, code, rules.message("cds.override." + code, language)))
                .toList();
    }

    /** At most {@link #MAX_SUMMARY} characters (code points), cut at a word with an ellipsis. */
    static String shorten(String summary) {
        String text = summary.strip();
        if (text.codePointCount(0, text.length()) <= MAX_SUMMARY) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, MAX_SUMMARY - 1));
        int space = cut.lastIndexOf(' ');
        return (space > MAX_SUMMARY / 2 ? cut.substring(0, space) : cut).stripTrailing() + "…";
    }
}
