package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mesoscreen.rules.RuleSetLoader;
import mesoscreen.screening.RuleSetRegistry;
import mesoscreen.screening.WatcherSeam;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The folder watcher against admin reloads. The watcher's read is held, through its test seam, while the files
 * change again and an admin reload is asked for: the admin reload must wait for the watcher and then read the
 * newer files, so that the newer rules stay in force and the health check speaks of them. (The watcher once read
 * outside the reload lock and applied what it had read afterwards, over the newer admin reload.)
 */
@QuarkusTest
@TestProfile(RulesWatchTest.WatchedRules.class)
class RulesWatchTest {
    private static final String ADMIN = "admin-key-for-watch-tests";
    private static final String RULESET = "ruleset.yaml";
    private static final String PREGNANCY = "checks/pregnancy.yaml";
    static Path rules;

    public static class WatchedRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                rules = BrokenRulesTest.copyOfBundledRules(Files.createTempDirectory("rules-watch").resolve("rules"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("mesoscreen.rules-dir", rules.toString(), "mesoscreen.admin-key", ADMIN,
                    "mesoscreen.rules-watch-interval", "20ms");
        }
    }

    @Inject
    RuleSetRegistry registry;

    @AfterEach
    void unhook() {
        WatcherSeam.afterWatchRead(registry, null);
    }

    /** Replaces one file whole, so that a read sees the old text or the new, never half of one. */
    private static void edit(String file, String from, String to) throws IOException {
        Path path = rules.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " contains " + from);
        Path next = rules.resolve(file + ".next");
        Files.writeString(next, text.replace(from, to));
        Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String version() {
        return given().get("/v1/rules").then().statusCode(200).extract().path("ruleset.version");
    }

    @Test
    void anOlderWatcherReadDoesNotReplaceANewerAdminReload() throws Exception {
        String inForce = version();
        raceAgainstAdminReload(() -> edit(RULESET, "version: \"" + inForce + "\"", "version: \"" + inForce + "-older\""),
                () -> edit(RULESET, "version: \"" + inForce + "-older\"", "version: \"" + inForce + "-newer\""));
        assertEquals(inForce + "-newer", version());
        Thread.sleep(200); // ten more watcher rounds: nothing moves
        assertEquals(inForce + "-newer", version());
        assertEquals(RuleSetLoader.digest(rules), registry.current().digest());
        given().get("/q/health/well").then().statusCode(200);
    }

    @Test
    void aStaleBrokenWatcherReadDoesNotLeaveHealthDown() throws Exception {
        String inForce = version();
        raceAgainstAdminReload(() -> edit(PREGNANCY, "- answer: pregnant", "- answer: pregnnat"), () -> {
            edit(PREGNANCY, "- answer: pregnnat", "- answer: pregnant");
            edit(RULESET, "version: \"" + inForce + "\"", "version: \"" + inForce + "-fixed\"");
        });
        assertEquals(inForce + "-fixed", version());
        Thread.sleep(200);
        assertEquals(inForce + "-fixed", version());
        given().get("/q/health/well").then().statusCode(200);
    }

    @Test
    void aBrokenEditRevertedBringsHealthBackWithoutAReload() throws Exception {
        String inForce = version();
        edit(PREGNANCY, "- answer: pregnant", "- answer: pregnnat");
        awaitHealth(503);
        edit(PREGNANCY, "- answer: pregnnat", "- answer: pregnant");
        awaitHealth(200);
        assertEquals(inForce, version());
    }

    private static void awaitHealth(int status) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (given().get("/q/health/well").then().extract().statusCode() != status) {
            assertTrue(System.nanoTime() < until, "/q/health/well never answered " + status);
            Thread.sleep(20);
        }
    }

    private interface Edit {
        void run() throws IOException;
    }

    /**
     * {@code older} is written and the watcher's read of it held; then {@code newer} is written and an admin reload
     * asked for; the watcher is let go once the admin reload waits for it (fixed) or has finished (the old race).
     * The admin reload must answer 200 with the newer files.
     */
    private void raceAgainstAdminReload(Edit older, Edit newer) throws Exception {
        String before = registry.current().digest();
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean(true);
        WatcherSeam.afterWatchRead(registry, digest -> {
            if (!digest.equals(before) && armed.compareAndSet(true, false)) {
                read.countDown();
                try {
                    go.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        older.run();
        assertTrue(read.await(10, TimeUnit.SECONDS), "the watcher read the older files");
        newer.run();
        String newest = RuleSetLoader.digest(rules);
        CompletableFuture<Integer> admin = CompletableFuture.supplyAsync(() -> given().header("X-Admin-Key", ADMIN)
                .post("/admin/rules/reload").then().extract().statusCode());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!admin.isDone() && !waitingFor(registry)) {
            assertTrue(System.nanoTime() < until, "the admin reload neither finished nor waited");
            Thread.sleep(5);
        }
        go.countDown();
        assertEquals(200, admin.get(10, TimeUnit.SECONDS));
        assertEquals(newest, registry.current().digest(), "the newer files are in force");
    }

    /** Whether a thread is blocked on the registry's lock. */
    private static boolean waitingFor(Object lock) {
        int id = System.identityHashCode(lock);
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .filter(t -> t.getThreadState() == Thread.State.BLOCKED)
                .map(ThreadInfo::getLockInfo)
                .anyMatch(l -> l != null && l.getIdentityHashCode() == id);
    }
}
