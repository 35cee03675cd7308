package org.opencpis.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.idgenerator.IDGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The application's one HAPI context. Every version (2.4, 2.5, ...) is read into the v2.5
 * structures, the only ones shipped; a message keeps its own MSH-12. Message ids are random (MSH-10
 * is at most 20 characters in v2.5), never HAPI's default file-based counter.
 */
@ApplicationScoped
public class Hl7Codec {

  private HapiContext context;

  @PostConstruct
  public void init() {
    context = new DefaultHapiContext();
    context.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
    context.getParserConfiguration().setIdGenerator(new RandomIds());
  }

  @PreDestroy
  void close() {
    try {
      context.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }

  public PipeParser parser() {
    return context.getPipeParser();
  }

  public Message parse(String raw) throws HL7Exception {
    return parser().parse(raw);
  }

  public String encode(Message m) throws HL7Exception {
    return parser().encode(m);
  }

  public <T extends Message> T newMessage(Class<T> type) {
    try {
      return context.newMessage(type);
    } catch (HL7Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String newId() {
    try {
      return context.getParserConfiguration().getIdGenerator().getID();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** "CPIS" and 16 random hex digits: 20 characters, unique without a counter file. */
  static final class RandomIds implements IDGenerator {
    private final SecureRandom random = new SecureRandom();

    @Override
    public String getID() {
      byte[] b = new byte[8];
      random.nextBytes(b);
      return "CPIS" + HexFormat.of().withUpperCase().formatHex(b);
    }
  }
}
