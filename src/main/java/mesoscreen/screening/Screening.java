package mesoscreen.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import mesoscreen.course.Course;
import mesoscreen.rules.Finding;
import mesoscreen.rules.RuleSet;

/**
 * The decision for one intake, before it is put into words: which rules fired, which stayed
 * unknown and for want of which answers, and the verdict they add up to.
 *
 * @param contraindications fired contraindications, worst first
 * @param precautions       fired or undecidable precautions
 * @param missing           question (or patient field) to the ids of the rules that need it
 * @param course            the suggested course, or null
 */
public record Screening(RuleSet rules, Eligibility eligibility, List<Finding> contraindications,
                        List<Finding> precautions, List<Unrecognized> unrecognized,
                        Map<String, List<String>> missing, LocalDate eligibleFrom, Course course) {
}
