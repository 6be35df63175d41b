package mesoscreen.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mesoscreen.intake.Intake;
import mesoscreen.vocabulary.CodeSystems;
import mesoscreen.vocabulary.Lexicon;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** A record's CodeableConcept as one intake entry, in the words and codes our vocabulary reads. */
final class Concepts {
    /** The text of an entry with neither code nor text: no vocabulary reads it, so a clinician sees it. */
    static final String EMPTY = "entry without code or text";

    private Concepts() {
    }

    /**
     * One intake entry for a CodeableConcept: the coding our vocabulary reads, else one in a system we know,
     * else the first; with the text (or a display), which the vocabulary reads too.
     */
    static Intake.Entry entry(CodeableConcept concept, Lexicon lexicon) {
        Coding chosen = null;
        boolean known = false;
        for (Coding coding : concept.getCoding()) {
            Optional<String> system = coding.hasCode() ? CodeSystems.alias(String.valueOf(coding.getSystem()))
                    : Optional.empty();
            if (system.isPresent() && !lexicon.byCode(system.get(), coding.getCode()).isEmpty()) {
                chosen = coding;
                known = true;
                break;
            }
            if (chosen == null || (system.isPresent() && CodeSystems.alias(String.valueOf(chosen.getSystem())).isEmpty())) {
                chosen = coding.hasSystem() && coding.hasCode() ? coding : chosen;
            }
        }
        String text = words(concept, lexicon, known);
        if (chosen == null && text == null) {
            text = EMPTY;
        }
        return new Intake.Entry(chosen == null ? null : chosen.getSystem(), chosen == null ? null : chosen.getCode(), text);
    }

    /** Whether the vocabulary reads the entry, by its code or its words. */
    static boolean reads(Intake.Entry entry, Lexicon lexicon) {
        boolean coded = entry.code() != null && CodeSystems.alias(String.valueOf(entry.system()))
                .map(system -> !lexicon.byCode(system, entry.code()).isEmpty()).orElse(false);
        return coded || (entry.text() != null && !lexicon.byText(entry.text()).isEmpty());
    }

    /**
     * The words to read of a concept: its text, else the first coding's display; when its code names nothing
     * we know, the first of those the vocabulary reads (the text first, then each display), so that a
     * Condition known only by its display is still read.
     */
    private static String words(CodeableConcept concept, Lexicon lexicon, boolean codeKnown) {
        List<String> candidates = new ArrayList<>();
        if (concept.hasText()) {
            candidates.add(concept.getText());
        }
        concept.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay).forEach(candidates::add);
        if (!codeKnown) {
            for (String candidate : candidates) {
                if (!lexicon.byText(candidate).isEmpty()) {
                    return candidate;
                }
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }
}
