package mesoscreen.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Compares secrets in time that does not depend on where they differ, nor on their lengths. */
public final class Secrets {
    private Secrets() {
    }

    public static boolean matches(String given, String expected) {
        if (given == null || expected == null) {
            return false;
        }
        // Hashing first makes both sides the same length, so the comparison leaks nothing.
        return MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    /** A stand-in for a presented secret, so that wrong keys are counted without being kept. */
    public static String fingerprint(String given) {
        return java.util.HexFormat.of().formatHex(sha256(given), 0, 16);
    }

    /** The whole SHA-256 of a value kept only as its hash (a token's id in the shared store). */
    public static String digest(String value) {
        return java.util.HexFormat.of().formatHex(sha256(value));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
