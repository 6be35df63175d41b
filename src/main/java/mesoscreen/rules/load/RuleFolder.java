package mesoscreen.rules.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import mesoscreen.rules.RuleError;
import mesoscreen.rules.RuleSetException;

/**
 * Stage 1 of loading: every YAML file of a rule folder, read once, as bytes. The digest is computed
 * from exactly these bytes and every later stage parses them, so a file edited while the folder is
 * read can never give rules whose digest describes other content.
 */
public final class RuleFolder {
    /** The file of a clinic overlay that describes the clinic; it is part of the clinic's set and digest. */
    public static final String CLINIC_FILE = "clinic.yaml";

    private final Path root;
    /** Path relative to the root ("checks/pregnancy.yaml") to its content, in path order. */
    private final Map<String, byte[]> files;
    /** Where a file of an overlaid set comes from, when not from {@code root}: the clinic's folder. */
    private final Map<String, Path> overlaid;
    private final String clinic;
    private final String digest;

    private RuleFolder(Path root, Map<String, byte[]> files, Map<String, Path> overlaid, String clinic) {
        this.root = root;
        this.files = Collections.unmodifiableMap(files);
        this.overlaid = Map.copyOf(overlaid);
        this.clinic = clinic;
        this.digest = digest(files);
    }

    /** Reads {@code root}; a missing folder is a located load error. */
    public static RuleFolder read(Path root) {
        if (!Files.isDirectory(root)) {
            throw new RuleSetException(List.of(new RuleError(root.toString(), 0, 0,
                    "rules folder not found (set MESOSCREEN_RULES_DIR)", null)));
        }
        return new RuleFolder(root, files(root), Map.of(), null);
    }

    /**
     * A clinic's effective set: this folder's files, each replaced by the clinic folder's file of the same
     * relative path, and the clinic's new files (its {@value #CLINIC_FILE} among them) added. Errors name
     * each file where it is written, so an author sees which of the clinic's files is at fault.
     */
    public RuleFolder overlaid(Path clinicFolder) {
        if (!Files.isDirectory(clinicFolder)) {
            throw new RuleSetException(List.of(new RuleError(clinicFolder.toString(), 0, 0, "clinic folder not found",
                    null)));
        }
        Map<String, byte[]> own = files(clinicFolder);
        Map<String, byte[]> merged = new java.util.TreeMap<>(files);
        merged.putAll(own);
        Map<String, Path> from = new LinkedHashMap<>();
        own.keySet().forEach(relative -> from.put(relative, clinicFolder));
        from.put(CLINIC_FILE, clinicFolder); // named there even when it is missing
        return new RuleFolder(root, new LinkedHashMap<>(merged), from, clinicFolder.getFileName().toString());
    }

    private static Map<String, byte[]> files(Path root) {
        Path source = snapshot(root);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList()) {
                files.put(source.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The clinic whose overlay this is (its folder's name); null for a base folder. */
    public String clinic() {
        return clinic;
    }

    /**
     * A Kubernetes ConfigMap volume keeps its files in a hidden timestamped folder that {@code ..data}
     * links to, and swaps that link when the ConfigMap changes. Reading the folder the link names, once,
     * makes one load (and one digest) see one version of every file, never a mix of two, and never the
     * same file twice (through its top-level link and in the hidden folder).
     */
    private static Path snapshot(Path root) {
        Path data = root.resolve("..data");
        try {
            return Files.isSymbolicLink(data) ? data.toRealPath() : root;
        } catch (IOException e) {
            return root; // swapped away while we looked: the next poll sees the new one
        }
    }

    public Path root() {
        return root;
    }

    /** "sha256:…" over every file's relative path and bytes, in path order. */
    public String digest() {
        return digest;
    }

    /** The files' relative paths, in path order. */
    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    /** The file's text, if the folder has it; bytes that are not UTF-8 throw, as reading the file would. */
    public Optional<String> text(String relative) throws CharacterCodingException {
        byte[] bytes = files.get(relative);
        return bytes == null ? Optional.empty()
                : Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    }

    /** How errors name a file: the folder it is written in (the clinic's, for an overlay's own), then the relative path. */
    public String name(String relative) {
        return overlaid.getOrDefault(relative, root).resolve(relative).toString();
    }

    /** The folders errors may name: the root and, for an overlay, the clinic's folder. */
    public List<Path> folders() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(root), overlaid.values().stream().distinct())
                .toList();
    }

    private static String digest(Map<String, byte[]> files) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        files.forEach((relative, bytes) -> {
            sha256.update(relative.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(bytes);
            sha256.update((byte) 0);
        });
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }
}
