package mesoscreen.chart;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Keeps the resources about one patient: a Patient of another id, or an entry whose subject is another patient
 * (or not a patient), is left out and noted, so that nobody else's record is read as this patient's. An entry
 * that names no subject is kept: the caller sent it for this patient.
 */
public final class Subjects {
    private Subjects() {
    }

    /** @param patientId the id of the Patient the record is about ("pat-1" of "Patient/pat-1") */
    public static List<Located> about(String patientId, List<Located> resources, List<Note> notes) {
        List<Located> out = new ArrayList<>();
        for (Located located : resources) {
            String field = subjectField(located.resource());
            boolean same;
            if (located.resource() instanceof Patient patient) {
                same = patientId.equals(patient.getIdElement().getIdPart());
                field = "id";
            } else {
                Reference subject = subject(located.resource());
                same = subject == null || !subject.hasReference() || isPatient(subject, patientId);
            }
            if (same) {
                out.add(located);
            } else {
                notes.add(Note.warning(located.path() + "." + field, "subject-mismatch", "about another patient than"
                        + " the subject: not read"));
            }
        }
        return out;
    }

    private static boolean isPatient(Reference reference, String patientId) {
        IdType id = new IdType(reference.getReference());
        return "Patient".equals(id.getResourceType()) && patientId.equals(id.getIdPart());
    }

    private static String subjectField(Resource resource) {
        return resource instanceof AllergyIntolerance ? "patient" : "subject";
    }

    private static Reference subject(Resource resource) {
        if (resource instanceof Condition condition) {
            return condition.getSubject();
        }
        if (resource instanceof MedicationRequest request) {
            return request.getSubject();
        }
        if (resource instanceof MedicationStatement statement) {
            return statement.getSubject();
        }
        if (resource instanceof Observation observation) {
            return observation.getSubject();
        }
        if (resource instanceof AllergyIntolerance allergy) {
            return allergy.getPatient();
        }
        return null;
    }
}
