package mesoscreen.api;

import io.netty.util.NetUtil;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.List;
import mesoscreen.MesoscreenConfig;

/**
 * The security settings beyond those {@code StartupSettings} checks first (API keys, CORS origins, rate),
 * checked at start-up so that a mistake stops the service instead of surfacing on the first request,
 * or never: trusted proxies, the number of clients remembered, and the CORS policy as built.
 */
@Startup
@Singleton
public class SecuritySettings {

    SecuritySettings(MesoscreenConfig config) {
        Cors.Policy.of(config.cors());
        for (String proxy : config.trustedProxies().orElse(List.of())) {
            if (!isAddressOrRange(proxy.trim())) {
                throw new IllegalArgumentException("mesoscreen.trusted-proxies (MESOSCREEN_TRUSTED_PROXIES): '" + proxy
                        + "' is not an IP address or a CIDR range such as 10.0.0.0/8 (host names are not looked up)");
            }
        }
        if (config.rateLimitClients() < 100) {
            throw new IllegalArgumentException("mesoscreen.rate-limit-clients (MESOSCREEN_RATE_LIMIT_CLIENTS) must be"
                    + " at least 100");
        }
    }

    static boolean isAddressOrRange(String value) {
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        boolean v4 = NetUtil.isValidIpV4Address(address);
        if (!v4 && !NetUtil.isValidIpV6Address(address)) {
            return false;
        }
        if (slash < 0) {
            return true;
        }
        try {
            int bits = Integer.parseInt(value.substring(slash + 1));
            return bits >= 0 && bits <= (v4 ? 32 : 128);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
