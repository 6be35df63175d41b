package mesoscreen.rules.load;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Loading work whose items stand on their own (a file to parse, an example to screen), shared by the calling
 * thread and one more when the machine has a second core: the service's start waits for it. Not the common
 * fork-join pool, whose threads do not see the application's classes as their context class loader.
 */
public final class InParallel {
    private static final boolean TWO_CORES = Runtime.getRuntime().availableProcessors() > 1;

    private InParallel() {
    }

    /**
     * {@code function} of each item, in the items' order. A failure (the first to happen, whichever item) is
     * thrown as it was: callers that need every error in order return errors as values, as the loaders do.
     */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function) {
        Object[] results = new Object[items.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Runnable work = () -> {
            try {
                for (int i = next.getAndIncrement(); i < results.length && failed.get() == null; i = next.getAndIncrement()) {
                    results[i] = function.apply(items.get(i));
                }
            } catch (RuntimeException | Error e) {
                failed.compareAndSet(null, e);
            }
        };
        Thread helper = null;
        if (TWO_CORES && items.size() > 1) {
            helper = new Thread(work, "rules-load");
            helper.setDaemon(true);
            helper.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            helper.start();
        }
        work.run();
        if (helper != null) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading", e);
            }
        }
        Throwable failure = failed.get();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<R> mapped = (List<R>) Collections.unmodifiableList(Arrays.asList(results));
        return mapped;
    }
}
