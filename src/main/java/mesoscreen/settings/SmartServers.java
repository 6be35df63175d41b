package mesoscreen.settings;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SMART on FHIR app's settings: {@code MESOSCREEN_SMART_CLIENT_ID} and {@code MESOSCREEN_SMART_FHIR_SERVERS},
 * the FHIR base URLs an EHR launch may name as {@code iss}. The app sends the EHR's access token to that server,
 * so it must be https; plain http only for a loopback host (a test's stub EHR on 127.0.0.1). Faults are named by
 * position, never by the value. The one reading of the list: {@code StartupSettings} reports its faults, the
 * launch endpoint asks it whether an {@code iss} is allowed.
 */
public final class SmartServers {
    public static final String VARIABLE = "MESOSCREEN_SMART_FHIR_SERVERS";
    public static final String CLIENT_ID = "MESOSCREEN_SMART_CLIENT_ID";

    private SmartServers() {
    }

    /** The allowed servers (normalised: lower-case scheme and host, no default port, no trailing slash). */
    public record Parsed(List<URI> servers, List<SettingError> errors) {
        public Parsed {
            servers = List.copyOf(servers);
            errors = List.copyOf(errors);
        }

        /** The allowed server an {@code iss} names, compared as normalised URLs; empty when it is not on the list. */
        public Optional<URI> allowed(String iss) {
            URI given = iss == null ? null : normal(iss);
            return given == null ? Optional.empty() : servers.stream().filter(given::equals).findFirst();
        }

        /** {@code scheme://host[:port]} of each server, for the app page's Content-Security-Policy. */
        public List<String> origins() {
            return servers.stream().map(s -> s.getScheme() + "://" + s.getRawAuthority()).distinct().toList();
        }
    }

    /**
     * @param clientId {@code MESOSCREEN_SMART_CLIENT_ID} as set; null when unset (no app)
     * @param raw the list as set; null when unset
     */
    public static Parsed parse(String clientId, String raw) {
        List<URI> servers = new ArrayList<>();
        List<SettingError> errors = new ArrayList<>();
        if (clientId != null && clientId.isBlank()) {
            errors.add(new SettingError(CLIENT_ID, "is blank; set the client id the EHR registered the app under,"
                    + " or unset it to turn the SMART app off"));
        }
        if (raw != null && !raw.isBlank()) {
            String[] entries = raw.split(",", -1);
            for (int i = 0; i < entries.length; i++) {
                String at = "entry " + (i + 1) + " of " + entries.length;
                URI server = normal(entries[i]);
                if (entries[i].isBlank()) {
                    errors.add(new SettingError(VARIABLE, at + " is empty (two commas in a row, or one at an end)"));
                } else if (server == null) {
                    errors.add(new SettingError(VARIABLE, at + " is not a FHIR base URL the app may send a token to;"
                            + " write an https URL without query, e.g. https://ehr.clinic.example/fhir (http only for a"
                            + " loopback host such as 127.0.0.1)"));
                } else if (servers.contains(server)) {
                    errors.add(new SettingError(VARIABLE, at + " repeats an earlier entry"));
                } else {
                    servers.add(server);
                }
            }
        }
        boolean client = clientId != null && !clientId.isBlank();
        if (client && (raw == null || raw.isBlank())) {
            errors.add(new SettingError(VARIABLE, "is not set, so no EHR could launch the app of "
                    + CLIENT_ID + "; list the EHRs' FHIR base URLs"));
        } else if (!client && raw != null && !raw.isBlank()) {
            errors.add(new SettingError(VARIABLE, "is set without " + CLIENT_ID + ", so no app would be served;"
                    + " set the client id the EHR registered, or unset the servers"));
        }
        return new Parsed(servers, errors);
    }

    /** An https (or loopback http) URL without user, query or fragment, normalised; null otherwise. */
    static URI normal(String text) {
        try {
            URI uri = new URI(text.trim().replaceAll("/+$", ""));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
            if (host == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || !(scheme.equals("https") || scheme.equals("http") && loopback(host))) {
                return null;
            }
            int port = uri.getPort() == (scheme.equals("https") ? 443 : 80) ? -1 : uri.getPort();
            return new URI(scheme, null, host, port, uri.getRawPath() == null ? "" : uri.getPath(), null, null);
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** localhost, 127.0.0.0/8 or ::1; a literal address only, never looked up otherwise. */
    private static boolean loopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!io.netty.util.NetUtil.isValidIpV4Address(literal) && !io.netty.util.NetUtil.isValidIpV6Address(literal)) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
