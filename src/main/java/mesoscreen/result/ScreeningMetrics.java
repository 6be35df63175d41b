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
import mesoscreen.screening.Eligibility;
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
    /** The screening and rule-hit counters of each rule set screened with (bounded by the rule sets loaded). */
    private final Map<ScreeningResponse.RuleSetInfo, RuleSetMeters> ruleSets = new ConcurrentHashMap<>();

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
        RuleSetMeters meters = ruleSets.get(result.ruleset());
        if (meters == null) {
            meters = ruleSets.computeIfAbsent(result.ruleset(), RuleSetMeters::new);
        }
        meters.screening(result.procedure().id(), result.eligibility()).increment();
        for (ScreeningResponse.Contraindication contraindication : result.contraindications()) {
            meters.hit(contraindication.id(), Outcome.FIRES).increment();
        }
        Set<String> possible = null;
        for (ScreeningResponse.Warning warning : result.warnings()) {
            if (!warning.id().equals("unrecognized-entries")) {
                boolean present = "present".equals(warning.status());
                meters.hit(warning.id(), present ? Outcome.FIRES : Outcome.POSSIBLE).increment();
                if (!present) {
                    possible = possible == null ? new HashSet<>() : possible;
                    possible.add(warning.id());
                }
            }
        }
        for (ScreeningResponse.Note note : result.notes()) {
            if (!note.id().equals("concern-not-treated")) {
                meters.hit(note.id(), Outcome.FIRES).increment();
            }
        }
        if (!result.missingAnswers().isEmpty()) {
            Set<String> undecided = new HashSet<>();
            result.missingAnswers().forEach(m -> undecided.addAll(m.because()));
            if (possible != null) {
                undecided.removeAll(possible);
            }
            for (String rule : undecided) {
                meters.hit(rule, Outcome.UNKNOWN).increment();
            }
        }
        for (ScreeningResponse.UnrecognizedEntry entry : result.unrecognized()) {
            counter("mesoscreen.unrecognized.entries", "Request entries no vocabulary reads, by list",
                    "list", entry.path()).increment();
        }
    }

    /** The {@code outcome} tag of a rule hit. */
    private enum Outcome {
        FIRES, POSSIBLE, UNKNOWN;

        final String tag = name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The counters of one rule set (version and clinic), found by a rule or procedure id alone: a screening
     * costs a map probe on a string whose hash it keeps, not a lookup by every tag.
     */
    private final class RuleSetMeters {
        private final String version;
        private final String clinic;
        private final Map<String, Counter[]> screenings = new ConcurrentHashMap<>();
        private final Map<String, Counter[]> hits = new ConcurrentHashMap<>();

        RuleSetMeters(ScreeningResponse.RuleSetInfo ruleset) {
            this.version = ruleset.version();
            this.clinic = ruleset.clinic() == null ? "" : ruleset.clinic();
        }

        Counter screening(String procedure, Eligibility eligibility) {
            Counter[] byEligibility = screenings.computeIfAbsent(procedure, p -> new Counter[Eligibility.values().length]);
            Counter counter = byEligibility[eligibility.ordinal()];
            if (counter == null) {
                // Registering the same meter twice returns the one registered: a race only repeats the lookup.
                counter = counter("mesoscreen.screenings", "Screenings answered, by procedure and verdict",
                        "procedure", procedure, "eligibility", eligibility.name(), "ruleset", version, "clinic", clinic);
                byEligibility[eligibility.ordinal()] = counter;
            }
            return counter;
        }

        Counter hit(String rule, Outcome outcome) {
            Counter[] byOutcome = hits.get(rule);
            if (byOutcome == null) {
                byOutcome = hits.computeIfAbsent(rule, r -> new Counter[Outcome.values().length]);
            }
            Counter counter = byOutcome[outcome.ordinal()];
            if (counter == null) {
                counter = counter("mesoscreen.rule.hits", "Rules that fired, or stayed undecided, for the procedure screened",
                        "rule", rule, "outcome", outcome.tag, "ruleset", version, "clinic", clinic);
                byOutcome[outcome.ordinal()] = counter;
            }
            return counter;
        }
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
