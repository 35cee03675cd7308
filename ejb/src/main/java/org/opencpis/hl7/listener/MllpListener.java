package org.opencpis.hl7.listener;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpis.hl7.Hl7Settings;
import org.opencpis.hl7.Hl7Tls;
import org.opencpis.hl7.handler.Hl7Gateway;
import org.opencpis.shared.DomainMetrics;

/**
 * The MLLP listener, started with the application and stopped (port freed) when it is undeployed.
 * It listens on {@code cpis.hl7.bind-address} (WildFly's bind address by default), never on every
 * interface unless told to.
 *
 * <p>One container-managed thread accepts connections; each connection gets its own thread from a
 * pool no larger than {@code cpis.hl7.max-connections} (read at each connection): a connection
 * beyond it is closed as soon as it is accepted, and the others carry on. A watchdog closes
 * connections past their deadline (see {@link MllpConnection}). HAPI decodes and encodes the MLLP
 * messages: the character set comes from MSH-18 (ASCII, 8859/1, UNICODE UTF-8), else from {@code
 * cpis.hl7.charset}; an answer is written in the character set its own MSH-18 names (the sender's).
 *
 * <p>HAPI's own {@code SimpleServer} hands each message of a connection to a pool, so answers on
 * one connection could overtake each other, and it has no timeouts or caps; hence this loop.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MllpListener {

  private static final Logger LOG = Logger.getLogger(MllpListener.class.getName());

  @Resource ManagedThreadFactory threadFactory;
  @Inject Hl7Settings settings;
  @Inject Hl7Tls tls;
  @Inject Hl7Gateway gateway;
  @Inject DomainMetrics metrics;

  private final Set<MllpConnection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile long refusalsLoggedAt;
  private volatile ServerSocket server;
  private ThreadPoolExecutor threads;
  private ScheduledExecutorService watchdog;

  @PostConstruct
  void start() {
    int port = settings.listenerPort();
    String address = settings.bindAddress();
    // the accepting thread, one per connection, and one to spare for a connection whose thread
    // is still finishing
    threads =
        new ThreadPoolExecutor(
            0,
            settings.maxConnections() + 2,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            threadFactory);
    watchdog = Executors.newSingleThreadScheduledExecutor(threadFactory);
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(address), port));
      server = s;
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "HL7 MLLP listener cannot bind " + address + ":" + port, e);
      return;
    }
    metrics.hl7Connections(connections, Set::size);
    watchdog.scheduleWithFixedDelay(this::expireLate, 250, 250, TimeUnit.MILLISECONDS);
    threads.execute(this::accept);
    LOG.info(
        "HL7 MLLP listener on "
            + address
            + ":"
            + port
            + (settings.plainAllowed() ? " (TLS, and plain MLLP: development only)" : " (TLS)"));
  }

  @PreDestroy
  void stop() {
    ServerSocket s = server;
    server = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    connections.forEach(MllpConnection::close);
    watchdog.shutdownNow();
    threads.shutdown();
    try {
      if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("HL7 MLLP listener stopped");
  }

  /** The port bound, or -1 when the listener is not running. */
  public int port() {
    ServerSocket s = server;
    return s == null ? -1 : s.getLocalPort();
  }

  private void accept() {
    while (server != null) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (server != null) {
          LOG.log(Level.WARNING, "HL7 MLLP listener could not accept a connection", e);
        }
        continue;
      }
      int cap = settings.maxConnections();
      if (threads.getMaximumPoolSize() != cap + 2) {
        threads.setMaximumPoolSize(cap + 2);
      }
      if (connections.size() >= cap) {
        refuse(socket, cap);
        continue;
      }
      MllpConnection[] self = new MllpConnection[1];
      self[0] =
          new MllpConnection(
              socket, settings, tls, gateway, metrics, () -> connections.remove(self[0]));
      connections.add(self[0]);
      try {
        threads.execute(self[0]);
      } catch (RejectedExecutionException e) {
        // the pool is full (connections ending while new ones come) or stopping
        connections.remove(self[0]);
        refuse(socket, cap);
      }
    }
  }

  /** Closes a connection beyond the cap; logged at most once a minute, with a count. */
  private void refuse(Socket socket, int cap) {
    try {
      socket.close();
    } catch (IOException e) {
      // closed anyway
    }
    refused.incrementAndGet();
    long now = System.nanoTime();
    long last = refusalsLoggedAt;
    if (last == 0 || now - last > TimeUnit.MINUTES.toNanos(1)) {
      refusalsLoggedAt = now == 0 ? 1 : now;
      LOG.warning(
          "HL7 MLLP: "
              + refused.getAndSet(0)
              + " connection(s) refused: "
              + cap
              + " are open (cpis.hl7.max-connections)");
    }
  }

  private void expireLate() {
    long now = System.nanoTime();
    for (MllpConnection c : connections) {
      c.expireIfLate(now);
    }
  }
}
