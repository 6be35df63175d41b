package mesoscreen;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Web origins as browsers send them in {@code Origin}: read the same way by the settings and by clinic files. */
public final class Origins {
    private Origins() {
    }

    /** scheme://host[:port] in lower case without a default port; null when it is not an origin. */
    public static String normal(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return null;
            }
            int port = uri.getPort();
            boolean standard = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (standard ? "" : ":" + port);
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
