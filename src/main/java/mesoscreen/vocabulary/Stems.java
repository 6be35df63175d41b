package mesoscreen.vocabulary;

import java.util.List;

/**
 * The shorter forms each word of one entry may be another form of ({@link WordForms#candidates}), worked out
 * once, when first asked for, and shared by the lexicons that read the entry (concepts and cues stem alike).
 * Lives as long as the reading of one entry: nothing a patient sent outlives it.
 */
final class Stems {
    private final WordForms wordForms;
    private final List<String> tokens;
    private final List<?>[] stems;

    Stems(WordForms wordForms, List<String> tokens) {
        this.wordForms = wordForms;
        this.tokens = tokens;
        this.stems = new List<?>[tokens.size()];
    }

    /** Whether these are the stems the word forms give (the lexicon stems with the same ones). */
    boolean by(WordForms forms) {
        return forms == wordForms;
    }

    /** The shorter forms of word {@code index}, longest first. */
    List<String> of(int index) {
        @SuppressWarnings("unchecked")
        List<String> shorter = (List<String>) stems[index];
        if (shorter == null) {
            shorter = wordForms.candidates(tokens.get(index));
            stems[index] = shorter;
        }
        return shorter;
    }
}
