package mesoscreen.http;

import mesoscreen.screening.IntakeSource;

/**
 * A body {@code POST /v1/screenings} accepts besides the contract's JSON, provided by the adapter that
 * reads that format (FHIR: a QuestionnaireResponse). Its violations are answered as problem+json, as
 * for a JSON intake.
 */
public interface IntakeFormat {

    String mediaType();

    /** The body as an intake source; {@code procedure} null takes it from the body, if it names one. */
    IntakeSource source(String body);
}
