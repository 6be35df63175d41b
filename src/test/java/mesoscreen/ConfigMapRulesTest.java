package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import mesoscreen.rules.RuleSetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules folder as Kubernetes mounts a ConfigMap: every name a link through {@code ..data} to a
 * hidden timestamped folder, and a change swaps {@code ..data}. The watcher's digest must see the swap,
 * and a load must read the folder the link names, exactly as a plain copy of it.
 */
class ConfigMapRulesTest {
    @TempDir
    Path temp;

    @Test
    void theWatchDigestFollowsTheSwapOfDotDotData() throws IOException {
        Path mount = Files.createDirectory(temp.resolve("rules"));
        Path first = BrokenRulesTest.copyOfBundledRules(mount.resolve("..2026_12_01_10_00_00.000000001"));
        Files.createSymbolicLink(mount.resolve("..data"), first.getFileName());
        try (Stream<Path> top = Files.list(first)) {
            for (Path entry : top.toList()) {
                Files.createSymbolicLink(mount.resolve(entry.getFileName()), Path.of("..data").resolve(entry.getFileName()));
            }
        }
        String plain = RuleSetLoader.digest(Path.of("rules"));
        assertEquals(plain, RuleSetLoader.digest(mount), "a mounted ConfigMap reads as the plain folder");
        assertEquals(plain, RuleSetLoader.load(mount).digest());

        // kubectl apply of a changed ConfigMap: a new folder, then an atomic rename of a new link over ..data.
        Path second = BrokenRulesTest.copyOfBundledRules(mount.resolve("..2026_12_01_10_05_00.000000002"));
        Path ruleset = second.resolve("ruleset.yaml");
        String version = RuleSetLoader.load(Path.of("rules")).version();
        Files.writeString(ruleset, Files.readString(ruleset).replace(version, version + "-configmap"));
        Path link = Files.createSymbolicLink(mount.resolve("..data_tmp"), second.getFileName());
        Files.move(link, mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        assertNotEquals(plain, RuleSetLoader.digest(mount), "the watcher notices the swap");
        assertEquals(version + "-configmap", RuleSetLoader.load(mount).version());
        assertEquals(RuleSetLoader.digest(second), RuleSetLoader.digest(mount));
    }
}
