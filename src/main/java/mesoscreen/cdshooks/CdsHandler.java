package mesoscreen.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mesoscreen.chart.Chart;
import mesoscreen.chart.Located;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Violation;
import mesoscreen.rules.RuleSet;
import mesoscreen.screening.RuleSetRegistry;
import mesoscreen.screening.ScreeningService;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * One service call, after its token: the orders of the hook's context, the chart from prefetch (or from the
 * EHR's FHIR server), one screening per order, cards out.
 */
@Singleton
class CdsHandler {
    /** Where the FHIR endpoints serve a procedure's intake Questionnaire (CdsHooksTest follows the link). */
    private static final String QUESTIONNAIRE = "/fhir/Questionnaire/mesoscreen-intake-";
    /** Where the SMART app is launched from (SmartLaunchIT launches it). */
    private static final String SMART_LAUNCH = "/smart/launch";
    private final RuleSetRegistry registry;
    private final ScreeningService screening;
    private final Resources fhir;
    private final ChartFetcher fetcher;
    private final CdsSettings settings;
    private final Clock clock;
    /** Whether the SMART app is served (MESOSCREEN_SMART_CLIENT_ID): the cards then link to its launch. */
    private final boolean smartApp;

    CdsHandler(RuleSetRegistry registry, ScreeningService screening, Resources fhir, ChartFetcher fetcher,
               CdsSettings settings, Clock clock, mesoscreen.MesoscreenConfig config) {
        this.smartApp = config.smart().clientId().filter(id -> !id.isBlank()).isPresent();
        this.registry = registry;
        this.screening = screening;
        this.fhir = fhir;
        this.fetcher = fetcher;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param base where this service is reached, for the questionnaire links */
    /** @param clinic whose rule set screens the call: the one its EHR belongs to; null for the base set */
    List<Card> cards(CdsService service, CdsRequest request, String clinic, String language, String base) {
        RuleSet rules = registry.current(clinic);
        if (!service.hook().equals(request.hook())) {
            throw CdsRejected.badRequest("hook", "this service answers the " + service.hook() + " hook");
        }
        if (request.hookInstance() == null || request.hookInstance().isBlank()) {
            throw CdsRejected.badRequest("hookInstance", "a hookInstance is required");
        }
        if (request.context() == null || !request.context().isObject()) {
            throw CdsRejected.badRequest("context", "the hook's context is required, as an object");
        }
        List<Orders.Order> orders = service.orders().read(request.context(), new Orders.Context(fhir, rules));
        List<Card> out = new ArrayList<>();
        if (orders.stream().anyMatch(o -> o.procedure() != null)) {
            String patientId = request.context().path("patientId").asText(null);
            Chart chart = new Chart(chart(request, patientId), rules.vocabulary());
            LocalDate today = LocalDate.now(clock);
            for (Orders.Order order : orders) {
                if (order.procedure() != null) {
                    out.addAll(screen(clinic, chart.read(order.procedure(), order.planned(), today).intake(), rules, today, language,
                            base + QUESTIONNAIRE + order.procedure(), smartApp ? base + SMART_LAUNCH : null));
                }
            }
        }
        orders.stream().filter(o -> o.procedure() == null).forEach(o -> out.add(Cards.unmapped(rules, language,
                o.label(), fhir.procedureSystem())));
        return out;
    }

    /** Screens the chart's intake through the one screening service, as any intake is screened. */
    private List<Card> screen(String clinic, Intake intake, RuleSet rules, LocalDate today, String language,
                              String link, String smartLaunch) {
        ScreeningService.Outcome outcome = screening.screen(clinic, intake);
        if (outcome instanceof ScreeningService.Outcome.Rejected rejected) {
            Violation first = rejected.violations().get(0);
            throw CdsRejected.badRequest("prefetch", "the chart cannot be screened: " + first.path() + ": "
                    + first.detail());
        }
        return Cards.of(((ScreeningService.Outcome.Screened) outcome).screening(), language, link, smartLaunch);
    }

    /**
     * Every resource of every prefetch key, fetching those the EHR did not send. As CDS Hooks 2.0 reads them: a key
     * sent as {@code null} is one the client looked up and found nothing for (an empty search; for a read, no such
     * resource); an absent key, or one holding only part of the answer, is one it could not fetch.
     */
    private List<Located> chart(CdsRequest request, String patientId) {
        Map<String, Resource> given = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        CdsService.PREFETCH.forEach((key, template) -> {
            JsonNode node = request.prefetch().get(key);
            if (node != null && node.isNull()) {
                if (CdsService.isRead(template)) {
                    // The one read the services ask for is the patient, whom a screening cannot do without.
                    throw CdsRejected.dataUnavailable("prefetch." + key, "prefetch." + key + " is null: the EHR has"
                            + " no " + template.substring(0, template.indexOf('/')) + " for context.patientId, and a"
                            + " screening needs one");
                }
                return;
            }
            Resource resource = node == null ? null : fhir.parse(node, "prefetch." + key);
            // Absent, or a failure the client reports (an OperationOutcome, a next page): fetched, if it can be.
            if (resource == null || Resources.partial(resource)) {
                missing.put(key, template);
            } else {
                given.put(key, resource);
            }
        });
        if (!missing.isEmpty()) {
            fetch(request, patientId, missing).forEach((key, node) -> {
                Resource resource;
                try {
                    resource = fhir.parse(node, key);
                } catch (CdsRejected unreadable) {
                    throw CdsRejected.dataUnavailable("the FHIR server's answer for " + key
                            + " is not an R4 resource Mesoscreen can read");
                }
                if (Resources.partial(resource)) {
                    throw CdsRejected.dataUnavailable("the FHIR server's answer for " + key + " is incomplete"
                            + " (more pages, or an error)");
                }
                given.put(key, resource);
            });
        }
        List<Located> resources = new ArrayList<>();
        given.forEach((key, resource) -> resources.addAll(Located.flatten(resource, "prefetch." + key)));
        List<Patient> patients = resources.stream().map(Located::resource).filter(Patient.class::isInstance)
                .map(Patient.class::cast).toList();
        if (patients.size() > 1
                || patients.stream().anyMatch(p -> !java.util.Objects.equals(p.getIdElement().getIdPart(), patientId))) {
            throw CdsRejected.badRequest("prefetch.patient", "the Patient is not the one of context.patientId");
        }
        return resources;
    }

    private Map<String, JsonNode> fetch(CdsRequest request, String patientId, Map<String, String> missing) {
        String keys = String.join(", ", missing.keySet());
        if (request.fhirServer() == null || request.fhirAuthorization() == null
                || request.fhirAuthorization().accessToken() == null) {
            throw CdsRejected.dataUnavailable("prefetch " + keys + " missing, and no fhirServer with"
                    + " fhirAuthorization to fetch it from");
        }
        if (!"Bearer".equalsIgnoreCase(request.fhirAuthorization().tokenType())) {
            throw CdsRejected.badRequest("fhirAuthorization.token_type", "token_type must be Bearer");
        }
        Optional<URI> server = settings.allowedServer(request.fhirServer());
        if (server.isEmpty()) {
            throw CdsRejected.dataUnavailable("prefetch " + keys + " missing, and fhirServer is not on the"
                    + " allow-list (MESOSCREEN_CDS_FHIR_SERVERS)");
        }
        return fetcher.fetch(server.get(), request.fhirAuthorization().accessToken(), patientId, missing);
    }
}
