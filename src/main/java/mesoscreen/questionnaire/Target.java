package mesoscreen.questionnaire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where an item's answer goes in an intake, in a form a program can follow without parsing.
 * <ul>
 *   <li>No {@code list}: the answer is the value at {@code pointer} (a JSON Pointer, RFC 6901).</li>
 *   <li>{@code list} without {@code field}: each answer (a code) is appended to the array at {@code pointer}.</li>
 *   <li>{@code list} with {@code field}: each answer is appended to that array as an object
 *       {@code {field: answer}} plus the fixed properties of {@code entry}; the parts of a repeating group
 *       fill one such object per repetition, each part its own {@code field}.</li>
 * </ul>
 *
 * @param pointer JSON Pointer of the value, or of the array the entries go to
 * @param list    the intake list ("medications"), or null for a single value
 * @param field   the property of a list entry that holds the answer, or null
 * @param entry   fixed properties of a list entry (the isotretinoin stop date's {@code {"text": "isotretinoin"}})
 */
@Schema(name = "QuestionnaireTarget", description = "Where the answer goes. Without list: the value at pointer."
        + " With list and no field: each answer (a code) appended to the array at pointer. With list and field: each"
        + " answer appended as an object {field: answer} plus the properties of entry; a repeating group's parts fill"
        + " one object per repetition.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Target(
        @Schema(description = "JSON Pointer (RFC 6901) of the value, or of the array entries go to.",
                examples = "/answers/pregnant") String pointer,
        @Schema(description = "The intake list, when answers are list entries.", examples = "medications") String list,
        @Schema(description = "The property of a list entry that holds the answer.", examples = "text") String field,
        @Schema(description = "Fixed properties of every entry this item adds.") Map<String, String> entry) {

    /** A single value at {@code pointer} ("/answers/pregnant"). */
    public static Target value(String pointer) {
        return new Target(pointer, null, null, Map.of());
    }

    /** Codes appended to the intake list {@code list} ("concerns"). */
    public static Target codes(String list) {
        return new Target("/" + list, list, null, Map.of());
    }

    /** Objects appended to the intake list {@code list}, the answer in {@code field}. */
    public static Target entries(String list, String field, Map<String, String> entry) {
        return new Target("/" + list, list, field, Map.copyOf(entry));
    }
}
