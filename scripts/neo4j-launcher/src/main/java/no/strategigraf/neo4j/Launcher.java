package no.strategigraf.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs an embedded Neo4j Community 5.26 DBMS with only the Bolt connector, bound to 127.0.0.1.
 *
 * <pre>
 *   java [jvm flags] -cp target/classes:$(cat target/classpath.txt) no.strategigraf.neo4j.Launcher PORT HOME_DIR
 * </pre>
 *
 * HOME_DIR is the Neo4j home: the store goes to HOME_DIR/data, logs (debug.log) to HOME_DIR/logs.
 *
 * Contract with scripts/neo4j-server.mjs:
 * <ul>
 *   <li>prints exactly one line {@code NEO4J READY bolt://127.0.0.1:PORT} on stdout once the default database
 *       accepts Bolt connections; nothing else is written to stdout;</li>
 *   <li>SIGTERM / SIGINT shut the DBMS down cleanly (shutdown hook);</li>
 *   <li>EOF on stdin also shuts down cleanly and exits, so the server dies with the parent that holds the pipe.
 *       Pass {@code -Dstrategigraf.watchStdin=false} when running it by hand with stdin closed or /dev/null;</li>
 *   <li>authentication is disabled ({@code dbms.security.auth_enabled=false}): Neo4j then accepts any auth token,
 *       including basic auth neo4j / strategigraf-dev, so clients need no special configuration.</li>
 * </ul>
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";

    private static final AtomicBoolean shutdownStarted = new AtomicBoolean(false);
    private static volatile DatabaseManagementService dbms;

    private Launcher() {}

    public static void main(String[] args) {
        if (args.length < 2 || args[0].equals("--help") || args[0].equals("-h")) {
            System.err.println("usage: Launcher <bolt-port> <home-dir>");
            System.exit(args.length < 2 ? 2 : 0);
        }
        final int port;
        try {
            port = Integer.parseInt(args[0]);
            if (port < 1 || port > 65535) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            System.err.println("invalid port: " + args[0]);
            System.exit(2);
            return;
        }
        final Path home = Path.of(args[1]).toAbsolutePath().normalize();

        // Keep stdout for the READY line only; everything else goes to stderr.
        final PrintStream stdout = System.out;
        System.setOut(System.err);

        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "neo4j-launcher-shutdown"));

        try {
            Files.createDirectories(home);
            long t0 = System.nanoTime();
            dbms = new DatabaseManagementServiceBuilder(home)
                    // Bolt only, loopback only.
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    // Dev/test server: no auth. Neo4j accepts any token (basic neo4j/strategigraf-dev included).
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    // Small, explicit memory footprint.
                    .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                    // Smaller (pre-allocated) transaction log files than the 256 MiB default.
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 32L * 1024 * 1024)
                    // LOAD CSV must never read the server's files (dbms.security.allow_csv_import_from_file_urls=false);
                    // the analyst guard refuses LOAD CSV too, this holds even if a query gets past it.
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    // One transaction may not take the whole heap (db.memory.transaction.max): a heavy analyst query
                    // fails with a memory error instead of starving the DBMS. -Dstrategigraf.transactionMaxMb lowers it
                    // for tests (Community cannot change it at run time).
                    .setConfig(GraphDatabaseSettings.memory_transaction_max_size, Long.getLong("strategigraf.transactionMaxMb", 256L) * 1024 * 1024)
                    // No phoning home.
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Bolt shutdown otherwise waits two 5 s Netty quiet periods (~10 s per stop).
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                    // Transaction timeout deliberately left at Neo4j's default (none); clients set their own.
                    .setUserLogProvider(new Log4jLogProvider(System.err, Level.WARN))
                    .build();

            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!db.isAvailable(Duration.ofSeconds(1).toMillis())) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("default database did not become available");
            }
            waitForPort(port, deadline);

            if (Boolean.parseBoolean(System.getProperty("strategigraf.watchStdin", "true"))) {
                startStdinWatcher();
            }
            System.err.printf("neo4j-launcher: Neo4j %s started in %d ms (home %s)%n",
                    neo4jVersion(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), home);
            stdout.println("NEO4J READY bolt://" + HOST + ":" + port);
            stdout.flush();
        } catch (Throwable t) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            t.printStackTrace(System.err);
            // Last line (the one a parent shows first when it tails our output): the root cause.
            System.err.println("neo4j-launcher: failed to start Neo4j: " + root);
            System.exit(1);
        }
        // main returns; Neo4j's non-daemon threads keep the JVM alive until a signal or stdin EOF.
    }

    private static void waitForPort(int port, long deadline) throws InterruptedException {
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("Bolt port " + port + " not reachable", e);
                Thread.sleep(100);
            }
        }
    }

    private static void startStdinWatcher() {
        Thread t = new Thread(() -> {
            InputStream in = System.in;
            byte[] buf = new byte[256];
            try {
                while (in.read(buf) >= 0) {
                    // Input is ignored; we only care about EOF.
                }
            } catch (IOException ignored) {
                // Treat a broken stdin like EOF.
            }
            System.err.println("neo4j-launcher: stdin closed, shutting down");
            System.exit(0); // runs the shutdown hook
        }, "neo4j-launcher-stdin");
        t.setDaemon(true);
        t.start();
    }

    private static void shutdown() {
        if (!shutdownStarted.compareAndSet(false, true)) return;
        DatabaseManagementService service = dbms;
        if (service == null) return;
        long t0 = System.nanoTime();
        try {
            service.shutdown();
            System.err.printf("neo4j-launcher: Neo4j shut down cleanly in %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        } catch (Throwable t) {
            System.err.println("neo4j-launcher: error during shutdown: " + t);
        }
    }

    private static String neo4jVersion() {
        Package p = DatabaseManagementService.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "5.26" : v;
    }
}
