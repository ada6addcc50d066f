package dev.newsgraph.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs Neo4j Community embedded with Bolt on 127.0.0.1 (no TLS, no auth).
 *
 * <p>stdout carries exactly one line, {@code NEO4J_EMBEDDED_READY bolt://127.0.0.1:<port>}, once the
 * default database is available; everything else goes to stderr or to {@code <data-dir>/logs}.
 * Exit codes: 2 bad arguments, 1 startup failure (e.g. port taken), 0 after stdin EOF, 143 on SIGTERM.
 */
public final class Launcher {
    private static final String USAGE = "usage: Launcher --data-dir PATH [--port N (7687)] [--pagecache SIZE (512m)]"
            + " [--tx-timeout SECONDS] [--no-stdin-watch]";

    public static void main(String[] args) {
        PrintStream stdout = System.out;
        System.setOut(System.err); // keep stdout clean for the READY line, whatever libraries print

        Path dataDir = null;
        int port = 7687;
        long pagecache = 0;
        Duration txTimeout = null;
        boolean stdinWatch = true;
        try {
            String pagecacheArg = "512m";
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, a)).toAbsolutePath();
                    case "--port" -> port = (int) number(value(args, ++i, a), a, 1, 65535);
                    case "--pagecache" -> pagecacheArg = value(args, ++i, a);
                    case "--tx-timeout" -> txTimeout = Duration.ofSeconds(number(value(args, ++i, a), a, 0, 365L * 24 * 3600));
                    case "--no-stdin-watch" -> stdinWatch = false;
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            if (dataDir == null) throw new IllegalArgumentException("--data-dir is required");
            pagecache = SettingValueParsers.BYTES.parse(pagecacheArg);
        } catch (RuntimeException e) { // also Neo4j's size parse errors
            System.err.println("neo4j-embedded: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }

        try (ServerSocket probe = new ServerSocket()) { // fail fast and clearly instead of after store startup
            probe.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            System.err.println("neo4j-embedded: cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); is another Neo4j already running on that port?");
            System.exit(1);
        }

        if (stdinWatch) { // parent died or closed our stdin: exit (the shutdown hook stops Neo4j cleanly)
            Thread watcher = new Thread(() -> {
                byte[] buf = new byte[256];
                try {
                    while (System.in.read(buf) != -1) { /* discard */ }
                } catch (IOException ignored) { }
                System.err.println("neo4j-embedded: stdin closed, shutting down");
                System.exit(0);
            }, "stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        AtomicReference<DatabaseManagementService> dbms = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService s = dbms.getAndSet(null);
            if (s != null) s.shutdown();
        }, "neo4j-shutdown"));

        try {
            Files.createDirectories(dataDir);
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(dataDir)
                    .setUserLogProvider(new Log4jLogProvider(System.err, Level.INFO))
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false) // dbms.usage_report.enabled
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pagecache)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // Bolt's netty groups otherwise idle 5 s each on shutdown (stores are already closed by then)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
            if (txTimeout != null) builder.setConfig(GraphDatabaseSettings.transaction_timeout, txTimeout);
            dbms.set(builder.build());
            GraphDatabaseService db = dbms.get().database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            while (!db.isAvailable(500)) { // a store that fails to open leaves the DBMS up: don't wait forever
                String failure = startFailure(dbms.get(), db.databaseName());
                if (failure != null) throw new IllegalStateException("database '" + db.databaseName() + "' failed to start: "
                        + failure + " (details in " + dataDir.resolve("logs/debug.log") + ")");
            }
        } catch (Throwable e) {
            System.err.println("neo4j-embedded: failed to start Neo4j on 127.0.0.1:" + port + " in " + dataDir);
            for (Throwable t = e; t != null; t = t.getCause()) System.err.println("  caused by: " + t);
            System.exit(1); // the shutdown hook stops whatever did start
        }
        stdout.println("NEO4J_EMBEDDED_READY bolt://127.0.0.1:" + port);
        stdout.flush();
        try { // park until SIGTERM/SIGINT or stdin EOF calls System.exit
            Thread.currentThread().join();
        } catch (InterruptedException ignored) { }
    }

    /** The status message of a database that was asked to be online but went offline, else null. */
    private static String startFailure(DatabaseManagementService dbms, String name) {
        try (Transaction tx = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).beginTx();
                Result r = tx.execute("SHOW DATABASE $name YIELD currentStatus, requestedStatus, statusMessage",
                        Map.of("name", name))) {
            while (r.hasNext()) {
                Map<String, Object> row = r.next();
                String message = String.valueOf(row.get("statusMessage"));
                if ("offline".equals(row.get("currentStatus")) && "online".equals(row.get("requestedStatus"))
                        && !message.isBlank()) return message;
            }
            return null;
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) throw new IllegalArgumentException(flag + " needs a value");
        return args[i];
    }

    private static long number(String v, String flag, long min, long max) {
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            n = min - 1;
        }
        if (n < min || n > max) throw new IllegalArgumentException(flag + " needs a whole number in " + min + ".." + max + ", got '" + v + "'");
        return n;
    }
}
