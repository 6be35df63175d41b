package mesoscreen.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mesoscreen.intake.Violation;
import mesoscreen.rules.RuleSet;
import mesoscreen.screening.IntakeSource;
import mesoscreen.text.Suggestions;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/** A QuestionnaireResponse body to an intake: parse strictly, find the procedure, read the items. */
public final class FhirIntakes {
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern QUOTED_NAME = Pattern.compile("'([^']*)'");
    /** A qualified Java class name; anchored at a word start and possessive, so that a long word costs linear time. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:[a-z][\\w$]*+\\.)++[A-Z][\\w$]*+(?::\\s*)?");

    private FhirIntakes() {
    }

    /**
     * @param procedure the procedure asked for, or null to take it from the response's
     *                  {@code questionnaire} canonical (one of ours), or to screen the whole catalogue
     */
    public static IntakeSource.Read read(FhirSupport fhir, RuleSet rules, String body, String procedure) {
        // The FHIR parser keeps the last of duplicate keys; refuse them first, as for a JSON intake.
        Optional<Violation> duplicate = duplicateKey(body, "QuestionnaireResponse");
        if (duplicate.isPresent()) {
            return IntakeSource.Read.rejected(List.of(duplicate.get()));
        }
        QuestionnaireResponse response;
        try {
            response = fhir.parse(QuestionnaireResponse.class, body);
        } catch (DataFormatException | ClassCastException e) {
            return IntakeSource.Read.rejected(List.of(new Violation("QuestionnaireResponse", "invalid-resource",
                    "not a FHIR R4 QuestionnaireResponse: " + reason(e))));
        } catch (RuntimeException e) {
            // The parser fails on some malformed bodies with other exceptions: an empty key, {"": null}, with a
            // StringIndexOutOfBoundsException. Any failure to parse is the body's fault, never a 500.
            return IntakeSource.Read.rejected(List.of(new Violation("QuestionnaireResponse", "invalid-resource",
                    "not a FHIR R4 QuestionnaireResponse: the JSON cannot be read as one")));
        }
        String chosen = procedure;
        if (chosen == null && response.hasQuestionnaire()) {
            String canonical = response.getQuestionnaire().replaceFirst("\\|.*$", "");
            String id = canonical.substring(canonical.lastIndexOf('/') + 1);
            chosen = FhirQuestionnaires.procedureOf(id, rules).filter(p -> !p.isEmpty()).orElse(null);
        }
        return QuestionnaireResponseReader.read(response, rules, chosen);
    }

    /**
     * The first key that appears twice in one object, as a violation at its FHIRPath from {@code root}; other
     * syntax errors are left to the parser.
     */
    static Optional<Violation> duplicateKey(String body, String root) {
        if (body == null) {
            return Optional.empty();
        }
        try (JsonParser parser = STRICT.createParser(body)) {
            try {
                while (parser.nextToken() != null) {
                    // Reading every token is the check.
                }
            } catch (JsonParseException e) {
                if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
                    String field = parser.currentName();
                    return Optional.of(new Violation(fhirPath(root, parser.getParsingContext().pathAsPointer().toString()),
                            "duplicate-key", "the key '" + Suggestions.shown(String.valueOf(field))
                            + "' appears twice"));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // Not JSON, or beyond the reader's limits: the FHIR parser says why.
        }
        return Optional.empty();
    }

    /** "QuestionnaireResponse.item[0].answer" from the root and the JSON pointer "/item/0/answer". */
    private static String fhirPath(String root, String pointer) {
        StringBuilder out = new StringBuilder(root);
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            out.append(part.chars().allMatch(Character::isDigit) ? "[" + part + "]"
                    : "." + Suggestions.shown(part.replace("~1", "/").replace("~0", "~")));
        }
        return out.toString();
    }

    /**
     * The parser's reason without the values it quotes, which may be what a patient wrote, with the element
     * names it quotes shown as every detail shows a client's name, and without the Java class names it may
     * carry ("java.lang.NumberFormatException: ").
     */
    static String reason(Exception e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        String line = CLASS_NAME.matcher(message.replaceAll("HAPI-\\d+: ", "").replaceAll("\"[^\"]*\"", "\"…\""))
                .replaceAll("").lines().findFirst().orElse("");
        return QUOTED_NAME.matcher(line).replaceAll(m -> Matcher.quoteReplacement(
                "'" + Suggestions.shown(m.group(1)) + "'"));
    }
}
