package mesoscreen.screening;

import java.util.List;
import mesoscreen.course.Course;
import mesoscreen.vocabulary.Concern;
import mesoscreen.rules.Procedure;
import mesoscreen.rules.RuleSet;

/**
 * The decision for one intake, before it is put into words.
 *
 * @param procedure    the procedure screened: the one asked for, or the one suggested for the concerns
 * @param suggested    true when the intake named no procedure and Mesoscreen chose it
 * @param alternatives procedures with a better verdict, when the verdict stands in the way
 * @param course       the suggested course, or null when not eligible
 * @param indications  the patient's concerns the procedure treats; {@code untreated} the others
 * @param sources      the request fields behind the findings' evidence lines
 * @param setAside     free-text entries read but counted toward no rule, each with how it was read
 */
public record Screening(RuleSet rules, Procedure procedure, boolean suggested, Verdict verdict,
                        List<Unrecognized> unrecognized, List<Alternative> alternatives, Course course,
                        List<Concern> indications, List<Concern> untreated, EvidenceSources sources,
                        List<EvidenceFact> setAside) {

    public record Alternative(Procedure procedure, Eligibility eligibility) {
    }
}
