package mesoscreen.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** CPU time of the calling thread per call, which other processes on a shared machine do not inflate. */
final class CpuTime {
    private CpuTime() {
    }

    /** µs of CPU per call in each round, after {@code warmup} calls; sorted, so the median is in the middle. */
    static double[] perCall(Callable<Object> call, int warmup, int rounds, int calls) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Object sink = null;
        for (int i = 0; i < warmup; i++) {
            sink = call.call();
        }
        double[] perCall = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                sink = call.call();
            }
            perCall[r] = (threads.getCurrentThreadCpuTime() - start) / 1_000.0 / calls;
        }
        if (sink == null) {
            throw new IllegalStateException("the call gave nothing: the JIT may have dropped it");
        }
        Arrays.sort(perCall);
        return perCall;
    }
}
