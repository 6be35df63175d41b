package mesoscreen.rules;

import java.nio.file.Path;
import mesoscreen.rules.load.RuleFolder;
import mesoscreen.rules.load.Stages;

/**
 * Reads a rule folder, checks every id it names and compiles it into a {@link RuleSet}, in stages
 * ({@link Stages}): read the files once as bytes, parse them with positions, read and compile each file,
 * link across files. All errors are collected, each with file, line and column; if there is any,
 * {@link #load} throws them together so that an author fixes a whole folder in one pass. Examples are
 * run afterwards by the screening layer, which owns the intake.
 */
public final class RuleSetLoader {
    private RuleSetLoader() {
    }

    /** The digest a rule set loaded from {@code root} now would have: for watching for changes. */
    public static String digest(Path root) {
        return RuleFolder.read(root).digest();
    }

    /** Loads and compiles {@code root}; throws {@link RuleSetException} with every error found. */
    public static RuleSet load(Path root) {
        return load(RuleFolder.read(root));
    }

    /** Compiles a folder already read; its digest is the rule set's. */
    public static RuleSet load(RuleFolder folder) {
        return Stages.compile(folder);
    }
}
