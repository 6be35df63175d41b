package mesoscreen;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.LogContext;

/** Every log line written while it is open, as the console would show them. */
final class LogCapture extends Handler implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter format = new SimpleFormatter();

    private LogCapture() {
    }

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        LogContext.getLogContext().getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(format.format(record));
    }

    /** The text so far, once a line containing {@code expected} has arrived (access lines follow the answer). */
    String await(String expected) throws InterruptedException {
        for (int i = 0; i < 100 && !text().contains(expected); i++) {
            Thread.sleep(20);
        }
        return text();
    }

    String text() {
        return String.join("", lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        LogContext.getLogContext().getLogger("").removeHandler(this);
    }
}
