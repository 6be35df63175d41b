package mesoscreen.cdshooks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import mesoscreen.chart.Chart;

/**
 * The CDS services Mesoscreen offers. Each declaration is the whole service: discovery lists it, and the
 * handler reads its hook's context and fetches its prefetch from it, so the two cannot drift apart.
 */
enum CdsService {
    APPOINTMENT_BOOK("mesoscreen-appointment-book", "appointment-book", "Mesotherapy screening at booking",
            "Screens the patient's chart for contraindications to the mesotherapy procedure being booked"
                    + " (the appointment's serviceType), and says which questions the patient must still answer.",
            Orders::appointments),
    ORDER_SELECT("mesoscreen-order-select", "order-select", "Mesotherapy screening of a selected order",
            "Screens the patient's chart for contraindications to the mesotherapy procedure ordered"
                    + " (the selected ServiceRequests' code).",
            Orders::selectedOrders),
    ORDER_SIGN("mesoscreen-order-sign", "order-sign", "Mesotherapy screening before signing",
            "Screens the patient's chart for contraindications to the mesotherapy procedures about to be signed"
                    + " (every draft ServiceRequest's code).",
            Orders::draftOrders);

    /**
     * What every service needs from the chart. Conditions and medications are asked for whatever their status,
     * and the statuses are read here: a condition with no clinical status still counts.
     */
    static final Map<String, String> PREFETCH = prefetch();

    private final String id;
    private final String hook;
    private final String title;
    private final String description;
    private final Orders.Reader orders;

    CdsService(String id, String hook, String title, String description, Orders.Reader orders) {
        this.id = id;
        this.hook = hook;
        this.title = title;
        this.description = description;
        this.orders = orders;
    }

    private static Map<String, String> prefetch() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("patient", "Patient/{{context.patientId}}");
        out.put("conditions", "Condition?patient={{context.patientId}}");
        out.put("medicationRequests", "MedicationRequest?patient={{context.patientId}}"
                + "&_include=MedicationRequest:medication");
        out.put("medicationStatements", "MedicationStatement?patient={{context.patientId}}"
                + "&_include=MedicationStatement:medication");
        out.put("allergies", "AllergyIntolerance?patient={{context.patientId}}");
        out.put("pregnancyStatus", "Observation?patient={{context.patientId}}&code=" + Chart.LOINC + "|"
                + Chart.PREGNANCY_STATUS + "&_sort=-date&_count=1");
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Whether a template reads one resource ({@code Patient/{{context.patientId}}}) rather than searching. */
    static boolean isRead(String template) {
        return !template.contains("?");
    }

    static Optional<CdsService> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    String id() {
        return id;
    }

    String hook() {
        return hook;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    Orders.Reader orders() {
        return orders;
    }
}
