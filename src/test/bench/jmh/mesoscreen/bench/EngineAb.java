package mesoscreen.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of the engine side by side in one JVM, for an A/B that a noisy shared machine does not decide: each
 * build's classes (and libraries) in a class loader of its own, {@link EngineBenchmark#screen} called in short
 * rounds that alternate between the two, so that whatever slows the machine slows both alike. Prints each side's
 * median CPU µs per call and the median of the per-round ratio B/A with its quartiles. Run it both ways round
 * (A/B, then B/A) and against itself (A/A) to see its own bias, a few percent here.
 * Run: {@code java -cp target/test-classes mesoscreen.bench.EngineAb <build A> <build B> <intake> [rounds] [calls]},
 * where a build is a {@code target} directory holding {@code classes}, {@code test-classes} (compiled with
 * {@code -Pbench}) and {@code bench.cp} (its class path, from {@code dependency:build-classpath}).
 */
public final class EngineAb {
    private EngineAb() {
    }

    public static void main(String[] args) throws Exception {
        String intake = args[2];
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 80;
        int calls = args.length > 4 ? Integer.parseInt(args[4]) : 500;
        Object[] benches = new Object[2];
        Method[] screens = new Method[2];
        for (int side = 0; side < 2; side++) {
            Path build = Path.of(args[side]);
            List<URL> urls = new ArrayList<>();
            urls.add(build.resolve("test-classes").toUri().toURL());
            urls.add(build.resolve("classes").toUri().toURL());
            for (String jar : Files.readString(build.resolve("bench.cp")).trim().split(":")) {
                urls.add(Path.of(jar).toUri().toURL());
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> type = loader.loadClass(EngineBenchmark.class.getName());
            Object bench = type.getDeclaredConstructor().newInstance();
            type.getField("intakeName").set(bench, intake);
            type.getMethod("setUp").invoke(bench);
            benches[side] = bench;
            screens[side] = type.getMethod("screen");
        }
        for (int i = 0; i < 40_000; i++) {
            screens[0].invoke(benches[0]);
            screens[1].invoke(benches[1]);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] perCall = new double[2][rounds];
        double[] ratio = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < 2; turn++) {
                int side = round % 2 == 0 ? turn : 1 - turn; // who goes first alternates too
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    screens[side].invoke(benches[side]);
                }
                perCall[side][round] = (threads.getCurrentThreadCpuTime() - start) / 1_000.0 / calls;
            }
            ratio[round] = perCall[1][round] / perCall[0][round];
        }
        Arrays.sort(perCall[0]);
        Arrays.sort(perCall[1]);
        Arrays.sort(ratio);
        System.out.printf("%-10s A %.1f µs, B %.1f µs CPU per call (medians of %d rounds of %d); B/A %.2f [%.2f..%.2f]%n",
                intake, perCall[0][rounds / 2], perCall[1][rounds / 2], rounds, calls, ratio[rounds / 2],
                ratio[rounds / 4], ratio[3 * rounds / 4]);
    }
}
