package mesoscreen;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** Realistic FHIR R4 resources, as an EHR sends them in CDS Hooks prefetch and context. */
final class Fhir {
    static final String PROCEDURE_SYSTEM = "https://mesoscreen.example/fhir/CodeSystem/procedure";
    static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    static final String PATIENT_FEMALE = """
            { "resourceType": "Patient", "id": "pat-1",
              "identifier": [ { "system": "urn:oid:1.2.36.146.595.217.0.1", "value": "12345" } ],
              "active": true, "name": [ { "use": "official", "family": "Chalmers", "given": [ "Anna" ] } ],
              "gender": "female", "birthDate": "1990-05-14" }""";
    static final String PATIENT_MALE = """
            { "resourceType": "Patient", "id": "pat-1", "active": true,
              "name": [ { "family": "Okafor", "given": [ "Daniel" ] } ],
              "gender": "male", "birthDate": "1985-02-03" }""";

    private Fhir() {
    }

    static String bundle(String... resources) {
        return "{ \"resourceType\": \"Bundle\", \"type\": \"searchset\", \"total\": " + resources.length
                + ", \"entry\": [" + Arrays.stream(resources).map(r -> "{ \"resource\": " + r + " }")
                .collect(Collectors.joining(", ")) + "] }";
    }

    static String pregnancy(String answer, String display) {
        return pregnancy("http://loinc.org", answer, display, TODAY);
    }

    /** A US Core pregnancy status Observation valued in {@code system} (LOINC answers or SNOMED CT), recorded on {@code day}. */
    static String pregnancy(String system, String answer, String display, String day) {
        return """
                { "resourceType": "Observation", "id": "preg-1", "status": "final",
                  "category": [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                                "code": "social-history" } ] } ],
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "82810-3", "display": "Pregnancy status" } ] },
                  "subject": { "reference": "Patient/pat-1" }, "effectiveDateTime": "%s",
                  "valueCodeableConcept": { "coding": [ { "system": "%s", "code": "%s", "display": "%s" } ] } }"""
                .formatted(day, system, answer, display);
    }

    static String condition(String snomed, String display, String clinicalStatus, String verificationStatus) {
        return """
                { "resourceType": "Condition", "id": "cond-%s",
                  "clinicalStatus": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                                                    "code": "%s" } ] },
                  "verificationStatus": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                                                        "code": "%s" } ] },
                  "category": [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/condition-category",
                                                "code": "problem-list-item" } ] } ],
                  "code": { "coding": [ { "system": "http://snomed.info/sct", "code": "%s", "display": "%s" } ] },
                  "subject": { "reference": "Patient/pat-1" }, "onsetDateTime": "2015-03-01" }"""
                .formatted(snomed, clinicalStatus, verificationStatus, snomed, display);
    }

    /** A MedicationRequest coded by its codings ("system|code|display", …) with no text. */
    static String medicationRequest(String status, String... codings) {
        return """
                { "resourceType": "MedicationRequest", "id": "medrx-1", "status": "%s", "intent": "order",
                  "medicationCodeableConcept": { "coding": [ %s ] },
                  "subject": { "reference": "Patient/pat-1" }, "authoredOn": "2026-06-01",
                  "dosageInstruction": [ { "text": "5 mg twice daily" } ] }"""
                .formatted(status, Arrays.stream(codings).map(c -> c.split("\\|"))
                        .map(c -> "{ \"system\": \"" + c[0] + "\", \"code\": \"" + c[1] + "\", \"display\": \"" + c[2] + "\" }")
                        .collect(Collectors.joining(", ")));
    }

    static String allergy(String text, String verificationStatus) {
        return """
                { "resourceType": "AllergyIntolerance", "id": "allergy-1",
                  "clinicalStatus": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                                                    "code": "active" } ] },
                  "verificationStatus": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
                                                        "code": "%s" } ] },
                  "type": "allergy", "category": [ "medication" ],
                  "code": { "text": "%s" }, "patient": { "reference": "Patient/pat-1" } }"""
                .formatted(verificationStatus, text);
    }

    static String appointments(String procedureCode, String display) {
        return bundle("""
                { "resourceType": "Appointment", "id": "appt-1", "status": "proposed",
                  "serviceType": [ { "coding": [ { "system": "%s", "code": "%s", "display": "%s" } ] } ],
                  "start": "2026-12-10T10:00:00+03:00", "end": "2026-12-10T10:30:00+03:00",
                  "participant": [ { "actor": { "reference": "Patient/pat-1" }, "status": "accepted" } ] }"""
                .formatted(PROCEDURE_SYSTEM, procedureCode, display)).replace("\"searchset\"", "\"collection\"");
    }

    /** A full prefetch for pat-1 with the given resources in their places; the rest present and empty. */
    static String prefetch(String patient, Map<String, String> entries) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("patient", patient);
        for (String key : new String[] {"conditions", "medicationRequests", "medicationStatements", "allergies",
            "pregnancyStatus"}) {
            all.put(key, entries.getOrDefault(key, bundle()));
        }
        return "{" + all.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ")) + "}";
    }

    /** An appointment-book call for pat-1 booking {@code procedure}, with {@code prefetch} (JSON or null). */
    static String appointmentBook(String procedure, String prefetch, String extra) {
        return """
                { "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", "hook": "appointment-book",
                  %s
                  "context": { "userId": "PractitionerRole/A2340113", "patientId": "pat-1",
                               "appointments": %s }%s }"""
                .formatted(extra == null ? "" : extra + ",", appointments(procedure, "Hydralift"),
                        prefetch == null ? "" : ", \"prefetch\": " + prefetch);
    }
}
