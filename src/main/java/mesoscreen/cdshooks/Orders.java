package mesoscreen.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mesoscreen.chart.Dates;
import mesoscreen.chart.Located;
import mesoscreen.rules.RuleSet;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The procedures a hook's context asks about: the booked appointments' serviceType, or the draft orders'
 * code. A code is read in Mesoscreen's procedure code system ({fhir-base}/CodeSystem/procedure); an order
 * no code of which is ours is kept, unmapped, so that a card can say it was not screened.
 */
final class Orders {
    /** More than this many orders in one call are not screened one by one. */
    static final int MAX = 10;

    private Orders() {
    }

    /**
     * @param procedure the procedure id, or null when no code of the order is ours
     * @param label     what the EHR calls it (its text or first display), for the card of an unmapped order
     * @param planned   the date it is planned for, or null
     */
    record Order(String procedure, String label, LocalDate planned) {
    }

    /** Reads the orders of one hook's context; {@code read} gives the context's resources by field. */
    interface Reader {
        List<Order> read(JsonNode context, Context read);
    }

    /** What an order reader needs: the context's resources, and our procedure codes. */
    record Context(Resources fhir, RuleSet rules) {
        List<Resource> resources(JsonNode context, String field) {
            JsonNode node = context.get(field);
            if (node == null || node.isNull()) {
                throw CdsRejected.badRequest("context." + field, "the hook's context needs " + field);
            }
            return Located.resources(Located.flatten(fhir.parse(node, "context." + field), "context." + field));
        }

        Order order(List<CodeableConcept> codes, BaseDateTimeType date) {
            String system = fhir.procedureSystem();
            String label = null;
            for (CodeableConcept concept : codes) {
                for (Coding coding : concept.getCoding()) {
                    if (system.equals(coding.getSystem()) && rules.procedures().containsKey(coding.getCode())) {
                        return new Order(coding.getCode(), null, Dates.day(date));
                    }
                    label = label != null ? label : coding.getDisplay() != null ? coding.getDisplay() : coding.getCode();
                }
                label = concept.hasText() ? concept.getText() : label;
            }
            return new Order(null, label, Dates.day(date));
        }
    }

    /** appointment-book: each appointment's serviceType. */
    static List<Order> appointments(JsonNode context, Context read) {
        List<Order> out = new ArrayList<>();
        for (Resource resource : read.resources(context, "appointments")) {
            if (resource instanceof Appointment appointment && !cancelled(appointment.getStatus())) {
                out.add(read.order(appointment.getServiceType(), appointment.getStartElement()));
            }
        }
        return capped(out);
    }

    /** order-select: the draft ServiceRequests the clinician selected. */
    static List<Order> selectedOrders(JsonNode context, Context read) {
        Set<String> selected = new HashSet<>();
        JsonNode selections = context.get("selections");
        if (selections == null || !selections.isArray()) {
            throw CdsRejected.badRequest("context.selections", "order-select needs the selections, as a list");
        }
        selections.forEach(s -> selected.add(s.asText()));
        return serviceRequests(read.resources(context, "draftOrders"), selected, read);
    }

    /** order-sign: every draft ServiceRequest about to be signed. */
    static List<Order> draftOrders(JsonNode context, Context read) {
        return serviceRequests(read.resources(context, "draftOrders"), null, read);
    }

    private static List<Order> serviceRequests(List<Resource> resources, Set<String> selected, Context read) {
        List<Order> out = new ArrayList<>();
        for (Resource resource : resources) {
            if (resource instanceof ServiceRequest request && (selected == null
                    || selected.contains("ServiceRequest/" + request.getIdElement().getIdPart()))) {
                BaseDateTimeType date = request.hasOccurrenceDateTimeType() ? request.getOccurrenceDateTimeType()
                        : request.hasOccurrencePeriod() ? request.getOccurrencePeriod().getStartElement() : null;
                out.add(read.order(List.of(request.getCode()), date));
            }
        }
        return capped(out);
    }

    private static boolean cancelled(Appointment.AppointmentStatus status) {
        return status == Appointment.AppointmentStatus.CANCELLED
                || status == Appointment.AppointmentStatus.ENTEREDINERROR;
    }

    private static List<Order> capped(List<Order> orders) {
        if (orders.size() > MAX) {
            throw CdsRejected.badRequest("context", "more than " + MAX + " orders in one call");
        }
        return orders;
    }
}
