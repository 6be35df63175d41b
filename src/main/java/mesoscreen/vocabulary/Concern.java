package mesoscreen.vocabulary;

import java.util.List;
import mesoscreen.text.Localized;

/**
 * A patient's concern (a seed indication) and the programmes that treat it, best first, each as
 * {@code procedure/programme}.
 */
public record Concern(String id, Localized name, Localized indication, List<String> programmes, String source) {
}
