package org.opencpis.hl7.listener;

import ca.uhn.hl7v2.llp.ExtendedMinLLPReader;
import ca.uhn.hl7v2.llp.ExtendedMinLLPWriter;
import ca.uhn.hl7v2.llp.HL7Reader;
import ca.uhn.hl7v2.llp.HL7Writer;
import ca.uhn.hl7v2.llp.LLPException;
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
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.Charset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpis.hl7.Hl7Settings;
import org.opencpis.hl7.handler.Hl7Gateway;

/**
 * The MLLP listener, started with the application and stopped (port freed) when it is undeployed.
 *
 * <p>One container-managed thread accepts connections; each connection gets its own thread that
 * reads a message, answers it and only then reads the next, so answers on one connection are in
 * order, and connections are served at once. HAPI reads and writes the MLLP frames: the character
 * set comes from MSH-18 (ASCII, 8859/1, UNICODE UTF-8), else from {@code cpis.hl7.charset}; an
 * answer is written in the character set its own MSH-18 names (the sender's).
 *
 * <p>HAPI's own {@code SimpleServer} hands each message of a connection to a pool, so answers on
 * one connection could overtake each other; hence this loop.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MllpListener {

  private static final Logger LOG = Logger.getLogger(MllpListener.class.getName());

  @Resource ManagedThreadFactory threadFactory;
  @Inject Hl7Settings settings;
  @Inject Hl7Gateway gateway;

  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;
  private ExecutorService threads;

  @PostConstruct
  void start() {
    int port = settings.listenerPort();
    threads = Executors.newCachedThreadPool(threadFactory);
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(port));
      server = s;
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "HL7 MLLP listener cannot bind port " + port, e);
      return;
    }
    threads.execute(this::accept);
    LOG.info("HL7 MLLP listener on port " + port);
  }

  @PreDestroy
  void stop() {
    ServerSocket s = server;
    server = null;
    closeQuietly(s);
    connections.forEach(MllpListener::closeQuietly);
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
      try {
        Socket socket = server.accept();
        connections.add(socket);
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        if (server != null) {
          LOG.log(Level.WARNING, "HL7 MLLP listener could not accept a connection", e);
        }
      } catch (RuntimeException e) {
        // the pool refuses new work while stopping
        LOG.fine("HL7 MLLP connection refused while stopping: " + e);
      }
    }
  }

  private void serve(Socket socket) {
    String peer = socket.getRemoteSocketAddress().toString();
    Charset charset = settings.defaultCharset();
    try (socket) {
      HL7Reader in = new ExtendedMinLLPReader(socket.getInputStream(), charset);
      HL7Writer out = new ExtendedMinLLPWriter(socket.getOutputStream(), charset, true);
      while (server != null) {
        String message = in.getMessage();
        if (message == null) {
          break;
        }
        out.writeMessage(gateway.answer(message));
      }
    } catch (SocketException e) {
      LOG.fine("HL7 connection from " + peer + " closed: " + e.getMessage());
    } catch (IOException | LLPException e) {
      LOG.info("HL7 connection from " + peer + " closed: " + e.getMessage());
    } finally {
      connections.remove(socket);
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
