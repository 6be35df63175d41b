package mesoscreen.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A CDS Hooks 2.0 card: what the EHR shows the clinician. */
@Schema(name = "CdsCard")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Card(
        @Schema(description = "Unique id, named in feedback.") String uuid,
        @Schema(description = "Under 140 characters, in the request's language.") String summary,
        @Schema(description = "GitHub-flavoured Markdown: findings, evidence, sources, questions, course.") String detail,
        @Schema(description = "critical (NOT_ELIGIBLE, DEFER), warning (REFER, INCOMPLETE, precautions), info.",
                enumeration = {"info", "warning", "critical"}) String indicator,
        Source source,
        @Schema(description = "Why a clinician may go ahead all the same (contraindication cards).")
        List<Coding> overrideReasons,
        @Schema(description = "The intake questionnaire, when answers are missing; and the SMART app that asks them,"
                + " prefilled from the chart, when one is configured.") List<Link> links) {

    @Schema(name = "CdsSource")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String label, Coding topic) {
    }

    /** Without a display, none is sent: CDS Hooks omits optional attributes that have no value. */
    @Schema(name = "CdsCoding")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Coding(String system, String code, String display) {
    }

    /** {@code appContext} only on a SMART link: what the app opens with, a JSON string naming the procedure. */
    @Schema(name = "CdsLink")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String label, String url, @Schema(enumeration = {"absolute", "smart"}) String type,
                       @Schema(description = "SMART links: what the app opens with, e.g. {\"procedure\":\"hydralift\"}.")
                       String appContext) {
        public static Link absolute(String label, String url) {
            return new Link(label, url, "absolute", null);
        }
    }

    /** The body of a service's answer. */
    @Schema(name = "CdsResponse")
    public record Cards(List<Card> cards) {
    }
}
