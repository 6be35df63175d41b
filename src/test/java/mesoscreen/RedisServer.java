package mesoscreen;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server (Debian's, which {@code ./mvnw verify -Psetup} installs) on a free port, with a password and no
 * persistence: the tests' shared store, never a mock. It can be stopped and started again on the same port,
 * as an outage, and read back whole ({@link #everything}) to show what the service keeps in it.
 */
final class RedisServer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/redis-server");
    static final String PASSWORD = "redis-test-password";

    private final int port;
    private Process process;

    private RedisServer(int port) {
        this.port = port;
    }

    static RedisServer start() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install redis-server (./mvnw verify -Psetup does)");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        RedisServer server = new RedisServer(port);
        server.resume();
        return server;
    }

    /** The setting the service is given: a user, a password and a database, as operators write it. */
    String url() {
        return "redis://default:" + PASSWORD + "@127.0.0.1:" + port + "/0";
    }

    int port() {
        return port;
    }

    /** An outage: the server is killed at once, as a crashed or unreachable store would be. */
    synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Back on the same port, empty (as a restarted store without persistence is). */
    synchronized void resume() {
        try {
            process = new ProcessBuilder(BINARY.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--requirepass", PASSWORD, "--protected-mode", "yes")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                try {
                    if ("PONG".equals(command("PING"))) {
                        return;
                    }
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline || !process.isAlive()) {
                        throw new IllegalStateException("redis-server did not start on port " + port, notYet);
                    }
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Every key with its value, its type and its time to live, one line each: what an operator would find. */
    List<String> everything() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Object key : (List<?>) command("KEYS", "*")) {
            String name = (String) key;
            String type = (String) command("TYPE", name);
            Object value = switch (type) {
                case "string" -> command("GET", name);
                case "hash" -> command("HGETALL", name);
                case "list" -> command("LRANGE", name, "0", "-1");
                case "set" -> command("SMEMBERS", name);
                case "zset" -> command("ZRANGE", name, "0", "-1", "WITHSCORES");
                case "stream" -> command("XRANGE", name, "-", "+");
                default -> "?";
            };
            lines.add(name + " " + type + " ttl=" + command("PTTL", name) + " " + value);
        }
        return lines;
    }

    /** One command, authenticated, over RESP on a fresh connection; the reply as text, number, list or null. */
    Object command(String... args) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            write(out, "AUTH", PASSWORD);
            read(in);
            write(out, args);
            return read(in);
        }
    }

    private static void write(OutputStream out, String... args) throws IOException {
        StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IOException("redis: " + line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(read(in));
                }
                return items;
            }
            default:
                throw new IOException("redis: unexpected reply " + (char) type + line);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }
}
