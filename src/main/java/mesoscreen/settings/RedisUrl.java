package mesoscreen.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * {@code MESOSCREEN_REDIS_URL}: {@code redis://[user:password@]host[:port][/db]}, or {@code rediss://} for
 * TLS. A fault is named by what is wrong, never by the text: the URL may carry a password.
 */
public final class RedisUrl {
    public static final String VARIABLE = "MESOSCREEN_REDIS_URL";
    private static final String FORM = "; write redis://[user:password@]host[:port][/db], or rediss:// for TLS";

    private RedisUrl() {
    }

    /** @param raw the URL as set; null when it is not set (every replica then keeps its own limits) */
    public static List<SettingError> check(String raw) {
        String problem = raw == null ? null : problem(raw.trim());
        return problem == null ? List.of() : List.of(new SettingError(VARIABLE, problem));
    }

    /** Host and port, for the log: never the user, the password or the database. */
    public static String address(String url) {
        URI uri = URI.create(url.trim());
        return uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort());
    }

    private static String problem(String raw) {
        if (raw.isEmpty()) {
            return "is set but empty; give the Redis URL, or unset it to keep the limits per replica";
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return "is not a URL (a character in the password may need percent-encoding)" + FORM;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            return "must start with redis:// or rediss://" + FORM;
        }
        if (uri.getHost() == null) {
            return "names no host" + FORM;
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535 || uri.getPort() < 0 && uri.getRawAuthority().matches(".*:[^\\]@]*$")) {
            return "has a port that is not a number from 1 to 65535" + FORM;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/") && !path.matches("/\\d{1,5}")) {
            return "has a path that is not a database number (such as /0)" + FORM;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "has a query or a fragment" + FORM;
        }
        return null;
    }
}
