package mesoscreen.api;

/**
 * Ready-to-try request bodies for Swagger UI. Each example's summary ends with the status (and verdict or
 * error code) it gets, which SwaggerExamplesTest checks. No fixed dates: they would go stale.
 */
final class Samples {
    private Samples() {
    }

    static final String ELIGIBLE = """
            {
              "procedure": "hydralift",
              "patient": { "age": 34, "sex": "female" },
              "answers": {
                "pregnant": "no", "breastfeeding": "no", "menstruating": "no", "acuteInfection": "no",
                "keloidTendency": "no", "componentIntolerance": "no", "allergicDisease": "no",
                "bleedingDisorder": "no", "anticoagulants": "no", "chronicCardiovascularDisease": "no",
                "tumor": "no", "chronicRenalFailure": "no", "activeHerpes": "no", "herpesHistory": "no",
                "skinInflammation": "no", "autoimmuneDisease": "no", "uncontrolledDiabetes": "no",
                "epilepsy": "no", "immunosuppression": "no", "isotretinoin": "no",
                "recentAestheticProcedure": "no", "bruisingRiskMedication": "no"
              },
              "concerns": [ "skin-laxity" ]
            }
            """;

    static final String PREGNANT = """
            {
              "procedure": "hydralift",
              "patient": { "age": 29, "sex": "female" },
              "answers": {
                "pregnant": "yes", "breastfeeding": "no", "menstruating": "no", "acuteInfection": "no",
                "keloidTendency": "no", "componentIntolerance": "no", "allergicDisease": "no",
                "bleedingDisorder": "no", "anticoagulants": "no", "chronicCardiovascularDisease": "no",
                "tumor": "no", "chronicRenalFailure": "no", "activeHerpes": "no", "herpesHistory": "no",
                "skinInflammation": "no", "autoimmuneDisease": "no", "uncontrolledDiabetes": "no",
                "epilepsy": "no", "immunosuppression": "no", "isotretinoin": "no",
                "recentAestheticProcedure": "no", "bruisingRiskMedication": "no"
              }
            }
            """;

    static final String WARFARIN = """
            {
              "procedure": "mesotherapy-face",
              "patient": { "age": 61, "sex": "male" },
              "answers": {
                "acuteInfection": "no", "keloidTendency": "no", "componentIntolerance": "no",
                "allergicDisease": "no", "bleedingDisorder": "no", "anticoagulants": "no",
                "chronicCardiovascularDisease": "no", "tumor": "no", "chronicRenalFailure": "no",
                "activeHerpes": "no", "herpesHistory": "no", "skinInflammation": "no",
                "autoimmuneDisease": "no", "uncontrolledDiabetes": "no", "epilepsy": "no",
                "immunosuppression": "no", "isotretinoin": "no", "recentAestheticProcedure": "no",
                "bruisingRiskMedication": "no"
              },
              "medications": [ { "text": "Warfarin 5 mg" } ]
            }
            """;

    static final String INCOMPLETE = """
            {
              "procedure": "hydralift",
              "patient": { "age": 41, "sex": "female" },
              "answers": { "pregnant": "no", "bleedingDisorder": "unknown" }
            }
            """;

    static final String MISSPELT = """
            {
              "procedure": "hydralift",
              "patient": { "age": 34, "sex": "female" },
              "answers": { "pregnnat": "no" }
            }
            """;

    /** An R4 QuestionnaireResponse with two answers, for POST /fhir/QuestionnaireResponse/$screen. */
    static final String QUESTIONNAIRE_RESPONSE = """
            {
              "resourceType": "QuestionnaireResponse",
              "status": "completed",
              "item": [
                { "linkId": "patient.age", "answer": [ { "valueInteger": 34 } ] },
                { "linkId": "pregnant", "answer": [ { "valueBoolean": false } ] }
              ]
            }
            """;

    /** SDC $populate's in-parameters: the patient and a Bundle of their record, for POST /fhir/Questionnaire/{id}/$populate. */
    static final String POPULATE_PARAMETERS = """
            {
              "resourceType": "Parameters",
              "parameter": [
                { "name": "subject", "valueReference": { "reference": "Patient/example" } },
                { "name": "context", "part": [
                  { "name": "name", "valueString": "record" },
                  { "name": "content", "resource": { "resourceType": "Bundle", "type": "collection", "entry": [
                    { "resource": { "resourceType": "Patient", "id": "example", "gender": "female",
                                    "birthDate": "1988-04-02" } },
                    { "resource": { "resourceType": "MedicationStatement", "status": "active",
                                    "medicationCodeableConcept": { "text": "Xarelto 20 mg" },
                                    "subject": { "reference": "Patient/example" } } },
                    { "resource": { "resourceType": "Condition",
                                    "clinicalStatus": { "coding": [ {
                                      "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                                      "code": "active" } ] },
                                    "code": { "text": "keloid scars" },
                                    "subject": { "reference": "Patient/example" } } }
                  ] } }
                ] }
              ]
            }
            """;
}
