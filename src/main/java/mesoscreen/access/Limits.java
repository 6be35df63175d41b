package mesoscreen.access;

import io.smallrye.mutiny.Uni;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import mesoscreen.MesoscreenConfig;
import mesoscreen.access.Attempt.Decision;
import mesoscreen.access.Attempt.Outcome;

/**
 * The failure budgets and the rate limit. With a shared store, one atomic script per request decides the
 * wait, spends the budget or draws on the quota, on the store's clock, so that replicas never race each
 * other's read-modify-write; during an outage, and without a store, this replica's own budgets and buckets
 * decide, as they always did for one replica.
 */
@Singleton
class Limits {
    /** Everything in the store under one prefix, each with an expiry. */
    static final String PREFIX = "mesoscreen:";

    /**
     * KEYS: the failure subjects, then the quota's bucket. ARGV: accepted (1/0), free failures, first and
     * longest wait and memory (ms), the quota's interval and burst (ms, 0: no quota), the number of subjects.
     * Returns {outcome, wait in s}: 0 pass, 1 held back, 2 wrong key, 3 over quota. The quota is GCRA: a
     * token bucket of {@code burst / interval} requests kept as one number, its theoretical arrival time.
     */
    static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local n = tonumber(ARGV[8])
            local wait = 0
            for i = 1, n do
              local closed = tonumber(redis.call('HGET', KEYS[i], 'until') or '0')
              if closed - now > wait then wait = closed - now end
            end
            if wait > 0 then return {1, math.ceil(wait / 1000)} end
            if ARGV[1] == '0' then
              for i = 1, n do
                local over = redis.call('HINCRBY', KEYS[i], 'n', 1) - tonumber(ARGV[2])
                if over > 0 then
                  local closed = math.min(tonumber(ARGV[3]) * 2 ^ math.min(over - 1, 20), tonumber(ARGV[4]))
                  redis.call('HSET', KEYS[i], 'until', math.floor(now + closed))
                end
                redis.call('PEXPIRE', KEYS[i], ARGV[5])
              end
              return {2, 0}
            end
            local interval = tonumber(ARGV[6])
            if interval > 0 then
              local tat = math.max(tonumber(redis.call('GET', KEYS[n + 1]) or '0'), now)
              local after = tat + interval
              local burst = tonumber(ARGV[7])
              if after - now > burst then return {3, math.ceil((after - now - burst) / 1000)} end
              redis.call('SET', KEYS[n + 1], string.format('%.3f', after), 'PX', math.ceil(after - now) + 1)
            end
            return {0, 0}
            """;
    private static final String SHA = sha1(SCRIPT);

    private final Instance<MesoscreenConfig> config;
    private final Instance<SharedStore> store;
    private final AtomicReference<Local> local = new AtomicReference<>();

    Limits(Instance<MesoscreenConfig> config, Instance<SharedStore> store) {
        this.config = config;
        this.store = store;
    }

    /** This replica's budgets and buckets, made on first use (filters come before the configuration). */
    private record Local(FailureBudget api, FailureBudget admin, RateLimit rate) {
    }

    private Local local() {
        Local current = local.get();
        if (current == null) {
            MesoscreenConfig settings = config.get();
            int clients = settings.rateLimitClients();
            local.compareAndSet(null, new Local(new FailureBudget(Attempt.Budget.API.free, clients),
                    new FailureBudget(Attempt.Budget.ADMIN.free, clients),
                    settings.rateLimitPerMinute() > 0 ? new RateLimit(settings.rateLimitPerMinute(), clients) : null));
            current = local.get();
        }
        return current;
    }

    int perMinute() {
        return config.get().rateLimitPerMinute();
    }

    /** Whether attempts go to the shared store: then {@link #decide} answers later, else {@link #decideHere} now. */
    boolean shared() {
        return store.get().configured();
    }

    /** The decision, from the shared store when there is one and it answers, else from this replica. */
    Uni<Decision> decide(Attempt attempt) {
        if (!shared()) {
            return Uni.createFrom().item(decideHere(attempt));
        }
        int perMinute = attempt.quota() == null ? 0 : perMinute();
        List<Object> arguments = new ArrayList<>();
        arguments.add(attempt.subjects().size() + (perMinute > 0 ? 1 : 0));
        String budget = attempt.budget().name().toLowerCase(Locale.ROOT);
        attempt.subjects().forEach(s -> arguments.add(PREFIX + "fail:" + budget + ":" + s));
        if (perMinute > 0) {
            arguments.add(PREFIX + "rate:" + quotaKey(attempt.quota()));
        }
        arguments.addAll(List.of(attempt.accepted() ? 1 : 0, attempt.budget().free,
                FailureBudget.FIRST_WAIT_SECONDS * 1000, FailureBudget.LONGEST.toMillis(), FailureBudget.MEMORY.toMillis(),
                perMinute > 0 ? Double.toString(60_000.0 / perMinute) : "0", perMinute > 0 ? "60000" : "0",
                attempt.subjects().size()));
        // By its hash (a third less time than sending it whole, QuotaStoreCost); a store that has not seen
        // it since it started answers NOSCRIPT, and gets it whole once.
        return store.get().send(script(Command.EVALSHA, SHA, arguments))
                .onFailure(SharedStore::unknownScript).recoverWithUni(() -> store.get().send(script(Command.EVAL, SCRIPT, arguments)))
                .map(Limits::decision)
                .onFailure().recoverWithItem(() -> decideHere(attempt));
    }

    private static Request script(Command command, String script, List<Object> arguments) {
        Request request = Request.cmd(command).arg(script);
        arguments.forEach(argument -> request.arg(argument.toString()));
        return request;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This replica's decision: the local budgets and buckets, as for a single replica. */
    Decision decideHere(Attempt attempt) {
        Local here = local();
        FailureBudget budget = attempt.budget() == Attempt.Budget.API ? here.api() : here.admin();
        String[] subjects = attempt.subjects().toArray(String[]::new);
        long wait = budget.wait(subjects);
        if (wait > 0) {
            return new Decision(Outcome.HELD_BACK, wait);
        }
        if (!attempt.accepted()) {
            budget.fail(subjects);
            return Decision.WRONG_KEY;
        }
        if (attempt.quota() != null && here.rate() != null) {
            long over = here.rate().take(attempt.quota());
            if (over > 0) {
                return new Decision(Outcome.OVER_QUOTA, over);
            }
        }
        return Decision.PASS;
    }

    /** A clinic's name is not the store's business: its fingerprint stands in; an address prefix is kept. */
    private static String quotaKey(String quota) {
        return quota.startsWith("clinic:") ? "clinic:" + Secrets.fingerprint(quota.substring(7)) : quota;
    }

    private static Decision decision(Response answer) {
        long wait = answer.get(1).toLong();
        return switch (answer.get(0).toInteger()) {
            case 0 -> Decision.PASS;
            case 1 -> new Decision(Outcome.HELD_BACK, wait);
            case 2 -> Decision.WRONG_KEY;
            default -> new Decision(Outcome.OVER_QUOTA, wait);
        };
    }
}
