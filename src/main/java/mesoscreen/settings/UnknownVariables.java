package mesoscreen.settings;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mesoscreen.MesoscreenConfig;
import mesoscreen.text.Suggestions;

/**
 * {@code MESOSCREEN_*} environment variables that no setting reads: most likely misspelt
 * ({@code MESOSCREEN_API_KEY} for {@code MESOSCREEN_API_KEYS}), and then the setting meant silently keeps
 * its default. The known names come from {@link MesoscreenConfig} and from application.properties, so a
 * new setting is known as soon as it exists.
 */
public final class UnknownVariables {
    private static final String PREFIX = "MESOSCREEN_";
    private static final Pattern REFERENCED = Pattern.compile("\\$\\{(MESOSCREEN_[A-Z0-9_]+)");

    private UnknownVariables() {
    }

    /** A warning for each variable of {@code environment} that no setting reads, with the nearest known name. */
    public static List<String> warnings(Map<String, String> environment) {
        Set<String> known = known();
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeSet<>(environment.keySet())) {
            if (name.startsWith(PREFIX) && !known.contains(name)) {
                warnings.add(Suggestions.shown(name) + " is set, but no setting reads it"
                        + Suggestions.didYouMean(name, known) + " It is ignored.");
            }
        }
        return warnings;
    }

    /** Every environment variable a setting reads. */
    static Set<String> known() {
        Set<String> known = new TreeSet<>();
        addSettings(MesoscreenConfig.class, PREFIX, known);
        try (InputStream properties = UnknownVariables.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (properties != null) {
                Matcher referenced = REFERENCED.matcher(new String(properties.readAllBytes(), StandardCharsets.UTF_8));
                while (referenced.find()) {
                    known.add(referenced.group(1));
                }
            }
        } catch (IOException e) {
            // Without the file, only the names of MesoscreenConfig are known; a warning too many is harmless.
        }
        return known;
    }

    /** The settings of a config interface; a group (a nested interface, e.g. cors) adds its own under its name. */
    private static void addSettings(Class<?> group, String prefix, Set<String> known) {
        for (Method method : group.getDeclaredMethods()) {
            if (method.getParameterCount() == 0 && !method.isDefault() && !method.isSynthetic()) {
                String name = prefix + method.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
                Class<?> type = method.getReturnType();
                if (type.isInterface() && type.getEnclosingClass() == MesoscreenConfig.class) {
                    addSettings(type, name + "_", known);
                } else {
                    known.add(name);
                }
            }
        }
    }
}
