package org.opencpis.it.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The WildFly under test as a child process of the harness, so that it can be killed as a power cut
 * or the OOM killer would: {@code kill -9} of the server's own JVM (the child of {@code
 * standalone.sh}), with nothing flushed and nothing shut down.
 *
 * <p>The server runs on a base folder of its own, copied once per run from the configured server's
 * {@code standalone/} folder with the EAR in {@code deployments/} (as the build's {@code
 * prepare-test-server} step does for the Arquillian server), so its data folder (the H2 file, the
 * Artemis journal) survives every restart of the run, and on a port offset of its own.
 */
public final class WildFlyProcess {

  /**
   * What the process needs to know: the crash harness's {@link CrashSettings}, the benchmark
   * harness's settings (org.opencpis.it.bench).
   */
  public interface Options {
    Path jbossHome();

    Path ear();

    /** The harness's folder: the server's base folder goes in server/, its console in it. */
    Path workDir();

    String serverConfig();

    int portOffset();

    Optional<String> dbUrl();

    int redeliveryDelayMs();

    int recoveryPeriodSeconds();

    String serverHeap();

    List<String> serverProperties();

    default int httpPort() {
      return 8080 + portOffset();
    }

    default int managementPort() {
      return 9990 + portOffset();
    }

    /** The application's MLLP listener. */
    default int hl7Port() {
      return 2575 + portOffset();
    }

    default String baseUrl() {
      return "http://localhost:" + httpPort() + "/cpis";
    }

    /** More options of the server's JVM (e.g. a flight recording); none by default. */
    default List<String> jvmOptions() {
      return List.of();
    }
  }

  /** The management user the harness adds to its server's base folder (ManagementRealm). */
  public static final String MGMT_USER = "crash-harness";

  public static final String MGMT_PASSWORD = "Crash-harness-2026!";

  private final Options settings;
  private final Path base;
  private int starts;
  private Process script;
  private ProcessHandle java;

  public WildFlyProcess(Options settings) {
    this.settings = settings;
    this.base = settings.workDir().resolve("server");
  }

  public Path base() {
    return base;
  }

  public Path dataDir() {
    return base.resolve("data");
  }

  /** A fresh base folder: the configured server's standalone/ (no data, logs, deployments). */
  public void prepareBase() throws IOException, java.security.GeneralSecurityException {
    deleteTree(base);
    Path standalone = settings.jbossHome().resolve("standalone");
    Set<String> skipped = Set.of("data", "log", "tmp", "deployments");
    Files.walkFileTree(
        standalone,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Path rel = standalone.relativize(dir);
            if (rel.getNameCount() == 1 && skipped.contains(rel.toString())
                || rel.endsWith("standalone_xml_history")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(base.resolve(rel.toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(
                file,
                base.resolve(standalone.relativize(file).toString()),
                StandardCopyOption.REPLACE_EXISTING);
            return FileVisitResult.CONTINUE;
          }
        });
    Path deployments = Files.createDirectories(base.resolve("deployments"));
    if (!Files.isRegularFile(settings.ear())) {
      throw new IllegalStateException(
          "no EAR at " + settings.ear() + ": build the project first (./mvnw package)");
    }
    Files.copy(settings.ear(), deployments.resolve("opencpis.ear"));
    writeManagementUser();
  }

  /**
   * Another archive beside the EAR in the base folder's deployments/ (the deployment scanner
   * deploys it at start); call after {@link #prepareBase}.
   */
  public void deploy(Path archive) throws IOException {
    Files.copy(
        archive,
        base.resolve("deployments").resolve(archive.getFileName().toString()),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private void writeManagementUser() throws IOException, java.security.GeneralSecurityException {
    // a management user for the HTTP management API (queue depths, dead letters): the line
    // add-user.sh writes, user=HEX(MD5(user:ManagementRealm:password))
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("MD5")
                    .digest(
                        (MGMT_USER + ":ManagementRealm:" + MGMT_PASSWORD)
                            .getBytes(StandardCharsets.UTF_8)));
    Files.writeString(
        base.resolve("configuration/mgmt-users.properties"),
        "\n" + MGMT_USER + "=" + hash + "\n",
        StandardOpenOption.APPEND);
  }

  /** Starts the server (returns at once; see {@link #awaitReady}). */
  public void start() throws IOException {
    if (java != null && java.isAlive()) {
      throw new IllegalStateException("the server is already running (pid " + java.pid() + ")");
    }
    assertPortsFree();
    starts++;
    List<String> cmd = new ArrayList<>();
    cmd.add(settings.jbossHome().resolve("bin/standalone.sh").toString());
    cmd.add("-c");
    cmd.add(settings.serverConfig());
    cmd.add("-Djboss.server.base.dir=" + base);
    cmd.add("-Djboss.socket.binding.port-offset=" + settings.portOffset());
    cmd.add("-Dcpis.jms.redelivery-delay-ms=" + settings.redeliveryDelayMs());
    // plain MLLP from this machine (the facility's peers), as in the development run
    cmd.add("-Dcpis.hl7.plain=true");
    // Narayana's periodic recovery, sooner than its 2 minutes (twice, for the orphan check), so
    // that the JMS transactions a kill left prepared are resolved within the drain
    int period = settings.recoveryPeriodSeconds();
    cmd.add("-DRecoveryEnvironmentBean.periodicRecoveryPeriod=" + period);
    cmd.add("-DRecoveryEnvironmentBean.recoveryBackoffPeriod=" + Math.max(1, period / 5));
    settings.dbUrl().ifPresent(url -> cmd.add("-Dcpis.db.url=" + url));
    cmd.addAll(settings.serverProperties());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("JBOSS_HOME", settings.jbossHome().toString());
    List<String> jvm = new ArrayList<>(List.of("-Xms64m", "-Xmx" + settings.serverHeap()));
    jvm.addAll(settings.jvmOptions());
    pb.environment().put("JBOSS_JAVA_SIZING", String.join(" ", jvm));
    pb.environment().remove("JAVA_OPTS");
    pb.environment().remove("LAUNCH_JBOSS_IN_BACKGROUND");
    pb.redirectErrorStream(true);
    pb.redirectOutput(
        ProcessBuilder.Redirect.appendTo(settings.workDir().resolve("console.log").toFile()));
    script = pb.start();
    java = findJava(script, Duration.ofSeconds(30));
  }

  /** The JVM standalone.sh started (its child running jboss-modules). */
  private static ProcessHandle findJava(Process script, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> jvm =
          script
              .descendants()
              .filter(
                  p ->
                      p.info().commandLine().map(c -> c.contains("jboss-modules.jar")).orElse(false)
                          || p.info()
                              .arguments()
                              .map(a -> List.of(a).contains("org.jboss.as.standalone"))
                              .orElse(false))
              .findFirst();
      if (jvm.isPresent()) {
        return jvm.get();
      }
      if (!script.isAlive()) {
        throw new IllegalStateException(
            "standalone.sh ended (exit " + script.exitValue() + ") before starting java");
      }
      sleep(100);
    }
    throw new IllegalStateException("standalone.sh started no java process within " + within);
  }

  /** Waits until the application answers: both WSDLs served, the MLLP port listening. */
  public void awaitReady(Duration within) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (java == null || !java.isAlive()) {
        throw new IllegalStateException(
            "the server died while starting; see " + settings.workDir().resolve("console.log"));
      }
      try {
        if (status(http, settings.baseUrl() + "/spine/cpisquery?wsdl") == 200
            && status(http, settings.baseUrl() + "/spine/cpisupload?wsdl") == 200
            && listening(settings.hl7Port())) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(250);
    }
    throw new IllegalStateException(
        "the server did not answer within "
            + within
            + " (start "
            + starts
            + "); see "
            + settings.workDir().resolve("console.log"));
  }

  /**
   * kill -9 of the server's JVM; returns once it is gone and its ports are free (the harness never
   * restarts on top of a server that is still half alive).
   */
  public void kill9() {
    ProcessHandle jvm = java;
    if (jvm == null || !jvm.isAlive()) {
      throw new IllegalStateException("the server is not running: nothing to kill");
    }
    jvm.destroyForcibly(); // SIGKILL
    awaitGone(jvm, Duration.ofSeconds(30));
    awaitScript(Duration.ofSeconds(30));
    awaitPortsFree(Duration.ofSeconds(30));
    java = null;
  }

  /** A clean shutdown (SIGTERM: WildFly stops gracefully), then kill -9 if it takes too long. */
  public void stop() {
    ProcessHandle jvm = java;
    if (jvm == null) {
      return;
    }
    if (jvm.isAlive()) {
      jvm.destroy();
      try {
        jvm.onExit().get(90, TimeUnit.SECONDS);
      } catch (Exception e) {
        jvm.destroyForcibly();
        awaitGone(jvm, Duration.ofSeconds(30));
      }
    }
    awaitScript(Duration.ofSeconds(30));
    awaitPortsFree(Duration.ofSeconds(30));
    java = null;
  }

  /** The server's threads (jcmd Thread.print) into the work folder; returns the file, or null. */
  public Path threadDump(String name) {
    ProcessHandle jvm = java;
    if (jvm == null || !jvm.isAlive()) {
      return null;
    }
    Path file = settings.workDir().resolve(name);
    try {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(jvm.pid()),
                  "Thread.print")
              .redirectErrorStream(true)
              .redirectOutput(file.toFile())
              .start();
      return p.waitFor(60, TimeUnit.SECONDS) ? file : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  public boolean running() {
    return java != null && java.isAlive();
  }

  public long pid() {
    return java == null ? -1 : java.pid();
  }

  private static void awaitGone(ProcessHandle jvm, Duration within) {
    try {
      jvm.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the server's JVM " + jvm.pid() + " is still alive", e);
    }
    if (jvm.isAlive()) {
      throw new IllegalStateException("the server's JVM " + jvm.pid() + " is still alive");
    }
  }

  private void awaitScript(Duration within) {
    try {
      if (!script.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
        script.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<Integer> ports() {
    return List.of(settings.httpPort(), settings.managementPort(), settings.hl7Port());
  }

  private void awaitPortsFree(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (ports().stream().noneMatch(WildFlyProcess::listening)) {
        return;
      }
      sleep(200);
    }
    throw new IllegalStateException("ports " + ports() + " still answer after the server died");
  }

  private void assertPortsFree() {
    for (int p : ports()) {
      if (listening(p)) {
        throw new IllegalStateException(
            "port "
                + p
                + " is in use before the server starts: another server on the harness's port"
                + " offset "
                + settings.portOffset()
                + "? (set the harness's port offset: -Dcrash.port.offset, -Dbench.port.offset)");
      }
    }
  }

  public static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("localhost", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int status(HttpClient http, String url) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  public static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
