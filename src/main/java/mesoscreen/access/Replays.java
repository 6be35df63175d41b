package mesoscreen.access;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.inject.Singleton;

/**
 * Signed calls used once: a token's id (its issuer and jti) is claimed by the first call that presents it,
 * until the token expires. With a shared store, the claim is one atomic set-if-absent with that expiry, of
 * a hash of the id, so that one replica accepts a token, once; during an outage nothing is claimed and
 * {@link StoreUnavailable} is thrown: a call that cannot be checked for replay is refused, never accepted.
 * Without a store, this replica remembers what it has accepted.
 */
@Singleton
public class Replays {
    /** What became of a claim. */
    public enum Claim { FIRST, REPLAYED, TOO_MANY }

    /** Bound on the ids this replica remembers; beyond it (after forgetting expired ones) calls are refused. */
    private static final int MAX_REMEMBERED = 100_000;

    private final SharedStore store;
    private final RememberedIds remembered = new RememberedIds(MAX_REMEMBERED);

    Replays(SharedStore store) {
        this.store = store;
    }

    /**
     * Claims the id for a token that expires at {@code expires} (epoch seconds). Waits on the store: call
     * it from a worker thread.
     *
     * @throws StoreUnavailable when the shared store cannot be asked
     */
    public Claim claim(String issuer, String jti, long expires, long nowMillis) {
        String id = issuer + '\n' + jti;
        if (store.configured()) {
            long ttl = Math.max(1000, expires * 1000 - nowMillis);
            Response answer = store.send(Request.cmd(Command.SET).arg(Limits.PREFIX + "jti:" + Secrets.digest(id))
                            .arg("1").arg("NX").arg("PX").arg(ttl))
                    .await().atMost(SharedStore.TIMEOUT.multipliedBy(2));
            return answer == null ? Claim.REPLAYED : Claim.FIRST;
        }
        return remembered.claim(id, expires, nowMillis);
    }
}
