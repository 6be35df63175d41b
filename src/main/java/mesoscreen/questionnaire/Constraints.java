package mesoscreen.questionnaire;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The limits an answer must keep, as the intake validator enforces them (see {@link IntakeLimits}),
 * so that a form need not guess them. Each is null when it does not apply.
 *
 * @param min       smallest whole number
 * @param max       largest whole number
 * @param maxLength longest text, in characters
 * @param maxItems  most entries of a list
 */
@Schema(name = "QuestionnaireConstraints", description = "Limits the service enforces on the answer; absent ones"
        + " do not apply.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Constraints(@Schema(examples = "0") Integer min, @Schema(examples = "130") Integer max,
                          @Schema(description = "Longest text of one entry.", examples = "200") Integer maxLength,
                          @Schema(description = "Most entries of the list.", examples = "50") Integer maxItems) {
    public static final Constraints NONE = new Constraints(null, null, null, null);
}
