package ariadne;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.io.ByteUnit;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.Version;

/**
 * Runs Neo4j Community embedded with its Bolt connector on loopback, for Ariadne's local database.
 *
 * <p>Usage: {@code Launcher --home DIR --port N [--credentials FILE] [--pagecache SIZE]}. With a credentials file the
 * database has authentication on and the neo4j user gets that password. The launcher writes
 * {@code ready.json} ({pid, port, version}) into DIR once Bolt accepts connections, and shuts the
 * database down cleanly on SIGTERM or SIGINT, so the data stays durable.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    Path home = Path.of(require(opts, "--home")).toAbsolutePath();
    int port = Integer.parseInt(require(opts, "--port"));
    String credentials = opts.get("--credentials");
    boolean auth = credentials != null;
    String pageCache = opts.getOrDefault("--pagecache", "512m");

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, auth)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
            .build();
    Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "ariadne-neo4j-shutdown"));

    try {
      if (auth) setPassword(dbms, readPassword(Path.of(credentials)));
    } catch (Exception e) {
      System.err.println("ariadne-neo4j: could not set the generated password: " + e.getMessage());
      dbms.shutdown();
      System.exit(1);
    }
    writeReady(home, port);
    System.out.println("Neo4j " + Version.getNeo4jVersion() + " listening on bolt://127.0.0.1:" + port);
    Thread.currentThread().join();
  }

  private static void writeReady(Path home, int port) throws IOException {
    String json =
        String.format(
            "{\"pid\":%d,\"port\":%d,\"version\":\"%s\"}%n",
            ProcessHandle.current().pid(), port, Version.getNeo4jVersion());
    Path tmp = home.resolve("ready.json.tmp");
    Files.writeString(tmp, json, StandardCharsets.UTF_8);
    Files.move(tmp, home.resolve("ready.json"), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Sets the neo4j user's password; the same password again is no change, not an error. */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      // Parameters keep the password out of the query text and the query log.
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
          .executeTransactionally(
              "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
              Map.of("password", password));
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
    }
  }

  /** Reads the password from Ariadne's credentials.json ({"user", "password"}), kept mode 0600. */
  private static String readPassword(Path file) throws IOException {
    Matcher m = PASSWORD.matcher(Files.readString(file, StandardCharsets.UTF_8));
    if (!m.find()) throw new IOException(file + " holds no \"password\" field");
    return m.group(1);
  }

  private static final Pattern PASSWORD = Pattern.compile("\"password\"\\s*:\\s*\"([^\"\\\\]+)\"");

  private static Map<String, String> parse(String[] args) {
    var map = new java.util.HashMap<String, String>();
    for (int i = 0; i + 1 < args.length; i += 2) map.put(args[i], args[i + 1]);
    return map;
  }

  private static String require(Map<String, String> opts, String key) {
    String value = opts.get(key);
    if (value == null) {
      System.err.println("ariadne-neo4j: missing " + key + " (usage: --home DIR --port N [--credentials FILE] [--pagecache SIZE])");
      System.exit(2);
    }
    return value;
  }
}
