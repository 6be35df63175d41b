package mesoscreen.vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shorter forms each word of one entry may be another form of ({@link WordForms#candidates}), worked out
 * once, when first asked for, and shared by the lexicons that read the entry (concepts and cues stem alike).
 * Lives as long as the reading of one entry: nothing a patient sent outlives it.
 */
final class Stems {
    private final WordForms wordForms;
    private final List<String> tokens;
    private final List<List<String>> stems;

    Stems(WordForms wordForms, List<String> tokens) {
        this.wordForms = wordForms;
        this.tokens = tokens;
        this.stems = new ArrayList<>(Collections.nCopies(tokens.size(), null));
    }

    /** Whether these are the stems the word forms give (the lexicon stems with the same ones). */
    boolean by(WordForms forms) {
        return forms == wordForms;
    }

    /** The shorter forms of word {@code index}, longest first. */
    List<String> of(int index) {
        List<String> shorter = stems.get(index);
        if (shorter == null) {
            shorter = wordForms.candidates(tokens.get(index));
            stems.set(index, shorter);
        }
        return shorter;
    }
}
