package mesoscreen.authoring;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The jar's entry point. {@code check} and {@code impact} are rule authors' commands: they run the
 * service's own loader and engine as plain objects and exit, before Quarkus or an HTTP server starts.
 * Anything else starts the service. It lives beside the commands, not in the root package, which
 * holds the configuration every layer reads: so imports still run one way.
 */
@QuarkusMain
public final class Launcher {
    private Launcher() {
    }

    public static void main(String... args) {
        if (args.length > 0 && Commands.names().contains(args[0])) {
            System.exit(Commands.run(args));
        }
        Quarkus.run(args);
    }
}
