package org.opencpis.it.bench.ceiling;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.protocol.ReceivingApplicationException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * The MLLP ceiling: a HAPI listener in the same server, on its own port ({@code
 * bench.echo.hl7.port}), that answers every message AA with no work (parse, ACK, encode): what HAPI
 * and MLLP cost on their own. Deployed by the benchmark harness in its ceiling WAR only.
 */
@Singleton
@Startup
public class MllpEcho {

  private static final Logger LOG = Logger.getLogger(MllpEcho.class.getName());

  private HapiContext context;
  private HL7Service server;

  @PostConstruct
  void start() {
    int port = Integer.getInteger("bench.echo.hl7.port", 2578);
    context = new DefaultHapiContext();
    context.setExecutorService(Executors.newCachedThreadPool());
    context.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
    MinLowerLayerProtocol llp = new MinLowerLayerProtocol(true, true);
    llp.setCharset(StandardCharsets.UTF_8);
    context.setLowerLayerProtocol(llp);
    server = context.newServer(port, false);
    server.registerApplication(new Ack());
    try {
      server.startAndWait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    LOG.info(() -> "benchmark ceiling: MLLP echo listening on " + port);
  }

  /** Every message answered AA, nothing else done. */
  static final class Ack implements ReceivingApplication<Message> {
    @Override
    public Message processMessage(Message message, Map<String, Object> metadata)
        throws ReceivingApplicationException, HL7Exception {
      try {
        return message.generateACK();
      } catch (IOException e) {
        throw new HL7Exception(e);
      }
    }

    @Override
    public boolean canProcess(Message message) {
      return true;
    }
  }

  @PreDestroy
  void stop() {
    if (server != null) {
      server.stopAndWait();
    }
    try {
      context.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
