package mesoscreen;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The last word of {@code ./mvnw verify}: every test that this build skipped, with the reason its
 * assumption gave, read from the surefire and failsafe reports written during the build. A green build
 * then never hides a skip (a browser test without Chromium, say). Run by the exec plugin in the verify
 * phase, inside Maven's JVM, so "written during the build" means since that JVM started.
 */
public final class SkippedTestReport {
    private SkippedTestReport() {
    }

    /** A skipped test and why. */
    record Skip(String test, String reason) {
    }

    public static void main(String[] args) throws Exception {
        long buildStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        int[] ran = {0};
        List<Skip> skipped = new ArrayList<>();
        for (String folder : args) {
            for (Path report : reports(Path.of(folder), buildStart)) {
                read(report, ran, skipped);
            }
        }
        if (skipped.isEmpty()) {
            System.out.printf("[INFO] Tests run in this build: %d, none skipped%n", ran[0]);
            return;
        }
        System.out.printf("[WARNING] %d of %d tests were SKIPPED in this build:%n", skipped.size(), ran[0]);
        skipped.forEach(skip -> System.out.printf("[WARNING]   %s: %s%n", skip.test(), skip.reason()));
        System.out.println("[WARNING] The README's test command (./mvnw verify -Psetup) installs what they need.");
    }

    private static List<Path> reports(Path folder, long since) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches("TEST-.*\\.xml"))
                    .filter(file -> file.toFile().lastModified() >= since)
                    .sorted()
                    .toList();
        }
    }

    private static void read(Path report, int[] ran, List<Skip> skipped) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList cases = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            ran[0]++;
            NodeList skip = testCase.getElementsByTagName("skipped");
            if (skip.getLength() > 0) {
                String reason = ((Element) skip.item(0)).getAttribute("message");
                skipped.add(new Skip(simpleName(testCase.getAttribute("classname")) + "." + testCase.getAttribute("name"),
                        reason.isBlank() ? "no reason given" : reason.strip()));
            }
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
