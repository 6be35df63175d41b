package mesoscreen.bench;


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
        String[] intakes = args.length > 3 ? args[3].split(",") : new String[] {"healthy", "findings", "freetext", "webform", "webform-ru", "webform-tr"};
        for (String intake : intakes) {
            EngineBenchmark bench = new EngineBenchmark();
            bench.intakeName = intake;
            bench.setUp();
            double[] perCall = CpuTime.perCall(bench::screen, warmup, rounds, calls);
            System.out.printf("%-10s screen: median %.1f µs CPU per call (min %.1f, max %.1f; %d rounds of %d)%n",
                    intake, perCall[rounds / 2], perCall[0], perCall[rounds - 1], rounds, calls);
        }
    }
}
