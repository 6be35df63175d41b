package mesoscreen.result;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import mesoscreen.screening.RuleSetRegistry;

/**
 * Prometheus metrics of screenings (at /q/metrics). Every label is an id of the rule set (procedure,
 * verdict, rule, list name, rule-set version), never anything a patient sent, so the number of series
 * is bounded by the rule set. {@code clinic} is the id of the clinic whose set decided ("" for the base
 * set): ids from the clinics folder, never a name typed by anyone.
 * <ul>
 * <li>{@code mesoscreen_screenings_total{procedure, eligibility, ruleset, clinic}}</li>
 * <li>{@code mesoscreen_rule_hits_total{rule, outcome=fires|possible|unknown, ruleset, clinic}} for the procedure screened</li>
 * <li>{@code mesoscreen_unrecognized_entries_total{list}}: entries no vocabulary reads, a measure of its gaps</li>
 * <li>{@code mesoscreen_screening_seconds}: validation, screening and wording, as a histogram</li>
 * <li>{@code mesoscreen_rules_reloads_total{result=success|failure}}</li>
 * </ul>
 */
// At start-up, so that the reload counters are exported before the first screening.
@io.quarkus.runtime.Startup
@Singleton
public class ScreeningMetrics {
    private final MeterRegistry registry;
    private final Timer latency;
    /** Meters by their tag values, so a screening costs a few map probes rather than building meter ids. */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    ScreeningMetrics(MeterRegistry registry, RuleSetRegistry rules) {
        this.registry = registry;
        this.latency = Timer.builder("mesoscreen.screening")
                .description("Time to validate, screen and word one intake (every procedure of the catalogue)")
                .register(registry);
        FunctionCounter.builder("mesoscreen.rules.reloads", rules, r -> r.reloads(true))
                .description("Rule reloads that put a rule set in force or found it unchanged")
                .tag("result", "success").register(registry);
        FunctionCounter.builder("mesoscreen.rules.reloads", rules, r -> r.reloads(false))
                .description("Rule reloads refused: the rules in force stayed")
                .tag("result", "failure").register(registry);
    }

    /**
     * Latency histograms with a few fixed buckets (Prometheus can aggregate them across replicas), for
     * the screenings and for every HTTP route; a few buckets keep the series few. Static: the meter
     * registry is built before the settings are checked, and must not build this bean (and load the
     * rules) that early.
     */
    @Produces
    @Singleton
    static MeterFilter histograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("mesoscreen.screening") && !id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS).build().merge(config);
            }
        };
    }

    /** 100 µs to 1 s, in nanoseconds as Micrometer takes them for timers. */
    private static final double[] BUCKETS = java.util.stream.LongStream.of(100_000, 250_000, 500_000, 1_000_000,
            2_500_000, 5_000_000, 10_000_000, 25_000_000, 50_000_000, 100_000_000, 250_000_000, 1_000_000_000)
            .asDoubleStream().toArray();

    /** One screening answered, as the contract's result says it, {@code nanos} after the request arrived. */
    void screened(ScreeningResponse result, long nanos) {
        latency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        String version = result.ruleset().version();
        String clinic = result.ruleset().clinic() == null ? "" : result.ruleset().clinic();
        counter("mesoscreen.screenings", "Screenings answered, by procedure and verdict",
                "procedure", result.procedure().id(), "eligibility", result.eligibility().name(),
                "ruleset", version, "clinic", clinic).increment();
        Set<String> possible = new HashSet<>();
        result.contraindications().forEach(c -> hit(c.id(), "fires", version, clinic));
        for (ScreeningResponse.Warning warning : result.warnings()) {
            if (!warning.id().equals("unrecognized-entries")) {
                boolean present = "present".equals(warning.status());
                hit(warning.id(), present ? "fires" : "possible", version, clinic);
                if (!present) {
                    possible.add(warning.id());
                }
            }
        }
        result.notes().stream().filter(n -> !n.id().equals("concern-not-treated"))
                .forEach(n -> hit(n.id(), "fires", version, clinic));
        Set<String> undecided = new HashSet<>();
        result.missingAnswers().forEach(m -> undecided.addAll(m.because()));
        undecided.removeAll(possible);
        undecided.forEach(rule -> hit(rule, "unknown", version, clinic));
        for (ScreeningResponse.UnrecognizedEntry entry : result.unrecognized()) {
            counter("mesoscreen.unrecognized.entries", "Request entries no vocabulary reads, by list",
                    "list", entry.path()).increment();
        }
    }

    private void hit(String rule, String outcome, String version, String clinic) {
        counter("mesoscreen.rule.hits", "Rules that fired, or stayed undecided, for the procedure screened",
                "rule", rule, "outcome", outcome, "ruleset", version, "clinic", clinic).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        // The name and tags as a list: its hash is made of the strings' own, each worked out once, where a
        // joined string would be built and hashed at every call.
        String[] key = new String[tags.length + 1];
        key[0] = name;
        System.arraycopy(tags, 0, key, 1, tags.length);
        Counter counter = counters.get(Arrays.asList(key));
        return counter != null ? counter : counters.computeIfAbsent(List.of(key),
                k -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
