package mesoscreen.screening;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What one line of evidence rests on, for a program: the field of the request, the value sent there,
 * and what Mesoscreen read it as. A list entry is named by its list and field, not its position, so that
 * the order of a request's lists never changes the answer; a form finds the entry by {@code value}.
 *
 * @param path    JSON Pointer of the answer ("/answers/pregnant") or of the list ("/medications")
 * @param field   for a list entry, its property that was read ("text", "code", "date")
 * @param value   the value as sent; null when the answer was not given
 * @param matched what it was read as: the answer ("yes"; "unknown" or "no" when not given) or a canonical id
 * @param readAs  for free text read with a spelling mistake or in another word form, the term it was read as
 * @param assertion for free text, how it speaks of what it names when not plainly: uncertain, current, past
 *                (which count), negated, someone-else, future, nothing (which count toward no rule)
 * @param cue     the words that made that reading ("no history of", "у мамы", "şu an")
 */
@Schema(name = "EvidenceFact", description = "A fact a finding rests on: where in the request, what was sent, what"
        + " it was read as.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceFact(@Schema(examples = "/medications") String path, @Schema(examples = "text") String field,
                           @Schema(examples = "Xarelot 20 mg") String value,
                           @Schema(examples = "anticoagulant") String matched,
                           @Schema(examples = "xarelto") String readAs,
                           @Schema(examples = "negated", enumeration = {"uncertain", "current", "past", "negated",
                                   "someone-else", "future", "nothing"}) String assertion,
                           @Schema(examples = "no history of") String cue) {

    public EvidenceFact(String path, String field, String value, String matched, String readAs) {
        this(path, field, value, matched, readAs, null, null);
    }
}
