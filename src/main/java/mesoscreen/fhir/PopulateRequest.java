package mesoscreen.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import mesoscreen.chart.Located;
import mesoscreen.intake.Violation;
import mesoscreen.text.Suggestions;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;

/**
 * The in-parameters of SDC's Questionnaire/$populate (http://hl7.org/fhir/uv/sdc/OperationDefinition/Questionnaire-populate)
 * as Mesoscreen reads them: {@code subject}, a reference to the Patient; {@code context} parts, each with a
 * {@code name} and a {@code content} that is a resource or a Bundle of them. Nothing is fetched: the record is
 * what the caller sends. Every fault is a violation by its FHIRPath, all of them at once.
 *
 * @param subject   the reference to the Patient, as sent
 * @param patientId its id
 * @param resources every resource of every context, with its place
 */
record PopulateRequest(Reference subject, String patientId, List<Located> resources) {
    /** SDC's in-parameters; identifier, questionnaire and questionnaireRef name a Questionnaire, which the URL does here. */
    private static final Set<String> KNOWN = Set.of("subject", "context", "local", "canonical");
    private static final Set<String> PARTS = Set.of("name", "content");

    /** Reads the body; a 400 with every violation when it is not a Parameters Mesoscreen can read. */
    static PopulateRequest read(FhirSupport fhir, String body, String canonical) {
        Optional<Violation> duplicate = FhirIntakes.duplicateKey(body, "Parameters");
        if (duplicate.isPresent()) {
            throw new FhirRejected(400, List.of(duplicate.get()));
        }
        org.hl7.fhir.instance.model.api.IBaseResource parsed;
        try {
            parsed = fhir.json().parseResource(body == null ? "" : body);
        } catch (DataFormatException | ClassCastException e) {
            throw rejected("Parameters", "invalid-resource", "not a FHIR R4 Parameters: " + FhirIntakes.reason(e));
        } catch (RuntimeException e) {
            // Any failure to parse is the body's fault, never a 500 (see FhirIntakes).
            throw rejected("Parameters", "invalid-resource", "not a FHIR R4 Parameters: the JSON cannot be read as one");
        }
        if (!(parsed instanceof Parameters parameters)) {
            throw rejected("Parameters.resourceType", "invalid-resource", "expected a Parameters resource (SDC"
                    + " $populate's in-parameters), not a " + parsed.fhirType());
        }
        List<Violation> violations = new ArrayList<>();
        Reference subject = null;
        boolean subjectSent = false;
        List<Located> resources = new ArrayList<>();
        List<ParametersParameterComponent> all = parameters.getParameter();
        for (int i = 0; i < all.size(); i++) {
            ParametersParameterComponent parameter = all.get(i);
            String path = "Parameters.parameter[" + i + "]";
            String name = String.valueOf(parameter.getName());
            switch (name) {
                case "subject" -> {
                    if (subjectSent) {
                        violations.add(new Violation(path, "duplicate-item", "subject is given more than once"));
                    } else if (!(parameter.getValue() instanceof Reference reference) || !isPatient(reference)) {
                        violations.add(new Violation(path + ".value", "wrong-type",
                                "subject must be a valueReference to the Patient (\"Patient/{id}\")"));
                    } else {
                        subject = reference;
                    }
                    subjectSent = true;
                }
                case "context" -> context(parameter, path, resources, violations);
                case "canonical" -> {
                    String given = parameter.getValue() == null ? "" : parameter.getValue().primitiveValue();
                    if (!canonical.equals(String.valueOf(given).replaceFirst("\\|.*$", ""))) {
                        violations.add(new Violation(path + ".value", "invalid-value",
                                "canonical names another Questionnaire than the one of the URL (" + canonical + ")"));
                    }
                }
                case "local" -> {
                    // Whether the server may look in its own data: Mesoscreen holds none, so nothing changes.
                }
                default -> violations.add(new Violation(path + ".name", "unknown-parameter", "unknown parameter '"
                        + Suggestions.shown(name) + "'" + Suggestions.didYouMean(name, KNOWN)
                        + "; expected subject and context"));
            }
        }
        if (!subjectSent) {
            violations.add(new Violation("Parameters.parameter", "required",
                    "a subject parameter is required: valueReference to the Patient the form is about"));
        }
        if (!violations.isEmpty()) {
            throw new FhirRejected(400, violations);
        }
        return new PopulateRequest(subject, new IdType(subject.getReference()).getIdPart(), resources);
    }

    private static void context(ParametersParameterComponent context, String path, List<Located> resources,
                                List<Violation> violations) {
        if (context.hasValue() || context.hasResource()) {
            violations.add(new Violation(path, "wrong-type", "a context has parts (name and content), no value"));
            return;
        }
        boolean named = false;
        boolean content = false;
        List<ParametersParameterComponent> parts = context.getPart();
        for (int j = 0; j < parts.size(); j++) {
            ParametersParameterComponent part = parts.get(j);
            String partPath = path + ".part[" + j + "]";
            String name = String.valueOf(part.getName());
            if (name.equals("name")) {
                named = true;
            } else if (name.equals("content")) {
                content = true;
                if (part.hasResource()) {
                    resources.addAll(Located.flatten((org.hl7.fhir.r4.model.Resource) part.getResource(),
                            partPath + ".resource"));
                } else {
                    violations.add(new Violation(partPath, "wrong-type", part.getValue() instanceof Reference
                            ? "content must be the resource itself (or a Bundle of them): Mesoscreen fetches nothing"
                            : "content must be a resource, or a Bundle of them"));
                }
            } else {
                violations.add(new Violation(partPath + ".name", "unknown-parameter", "unknown part '"
                        + Suggestions.shown(name) + "'" + Suggestions.didYouMean(name, PARTS)
                        + "; a context has name and content"));
            }
        }
        if (!named) {
            violations.add(new Violation(path + ".part", "required", "a context needs its name"));
        }
        if (!content) {
            violations.add(new Violation(path + ".part", "required", "a context needs its content: a resource,"
                    + " or a Bundle of them"));
        }
    }

    private static boolean isPatient(Reference reference) {
        if (!reference.hasReference()) {
            return false;
        }
        IdType id = new IdType(reference.getReference());
        return "Patient".equals(id.getResourceType()) && id.hasIdPart();
    }

    private static FhirRejected rejected(String path, String code, String detail) {
        return new FhirRejected(400, List.of(new Violation(path, code, detail)));
    }
}
