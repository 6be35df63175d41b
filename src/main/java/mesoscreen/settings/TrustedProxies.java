package mesoscreen.settings;

import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.List;
import mesoscreen.text.Suggestions;

/**
 * {@code MESOSCREEN_TRUSTED_PROXIES}: the reverse proxies whose X-Forwarded-For names the client, as IP
 * addresses or CIDR ranges. A host name is refused rather than looked up: the answer could change under us.
 */
public final class TrustedProxies {
    public static final String VARIABLE = "MESOSCREEN_TRUSTED_PROXIES";

    private TrustedProxies() {
    }

    public static List<SettingError> check(List<String> proxies) {
        List<SettingError> errors = new ArrayList<>();
        for (int i = 0; i < proxies.size(); i++) {
            String proxy = proxies.get(i).trim();
            if (!isAddressOrRange(proxy)) {
                errors.add(new SettingError(VARIABLE, "entry " + (i + 1) + " of " + proxies.size() + " '"
                        + Suggestions.shown(proxy) + "' is not an IP address or a CIDR range such as 10.0.0.0/8"
                        + " (host names are not looked up)"));
            }
        }
        return errors;
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
