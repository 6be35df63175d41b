package mesoscreen.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The engine's cost as CPU time of the calling thread, which preemption by other processes on a shared
 * machine does not inflate (wall-clock figures, JMH's included, do): after a long warm-up, the median
 * over rounds of CPU nanoseconds per {@link EngineBenchmark#screen} call, for each intake named (by default
 * every intake of src/test/bench/intakes).
 * Run: {@code java -cp <bench class path> mesoscreen.bench.EngineCpuTime [warm-up calls] [rounds] [calls a round] [intakes, e.g. healthy,freetext]}.
 */
public final class EngineCpuTime {
    private EngineCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] intakes = args.length > 3 ? args[3].split(",") : new String[] {"healthy", "findings", "freetext", "webform", "webform-ru", "webform-tr"};
        for (String intake : intakes) {
            EngineBenchmark bench = new EngineBenchmark();
            bench.intakeName = intake;
            bench.setUp();
            Object sink = null;
            for (int i = 0; i < warmup; i++) {
                sink = bench.screen();
            }
            double[] perCall = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    sink = bench.screen();
                }
                perCall[r] = (threads.getCurrentThreadCpuTime() - start) / 1_000.0 / calls;
            }
            Arrays.sort(perCall);
            System.out.printf("%-10s screen: median %.1f µs CPU per call (min %.1f, max %.1f; %d rounds of %d)%s%n",
                    intake, perCall[rounds / 2], perCall[0], perCall[rounds - 1], rounds, calls,
                    sink == null ? "?" : "");
        }
    }
}
