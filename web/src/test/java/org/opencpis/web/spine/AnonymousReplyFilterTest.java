package org.opencpis.web.spine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnonymousReplyFilterTest {

  static byte[] envelope(String ns, String headers) {
    return ("<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/' xmlns:wsa='"
            + ns
            + "'><s:Header><wsa:MessageID>uuid:1</wsa:MessageID>"
            + headers
            + "</s:Header><s:Body><x/></s:Body></s:Envelope>")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("anonymous, none and absent reply addresses pass, in both addressing namespaces")
  void anonymousPasses() {
    String w3 = AnonymousReplyFilter.WSA_2005;
    String old = AnonymousReplyFilter.WSA_2004;
    assertThat(AnonymousReplyFilter.nonAnonymousReply(envelope(w3, ""))).isEmpty();
    assertThat(
            AnonymousReplyFilter.nonAnonymousReply(
                envelope(
                    w3,
                    "<wsa:ReplyTo><wsa:Address>" + w3 + "/anonymous</wsa:Address></wsa:ReplyTo>")))
        .isEmpty();
    assertThat(
            AnonymousReplyFilter.nonAnonymousReply(
                envelope(
                    w3, "<wsa:FaultTo><wsa:Address> " + w3 + "/none </wsa:Address></wsa:FaultTo>")))
        .isEmpty();
    assertThat(
            AnonymousReplyFilter.nonAnonymousReply(
                envelope(
                    old,
                    "<wsa:ReplyTo><wsa:Address>"
                        + old
                        + "/role/anonymous</wsa:Address></wsa:ReplyTo>")))
        .isEmpty();
  }

  @Test
  @DisplayName("a ReplyTo or FaultTo naming an address is found, in both addressing namespaces")
  void elsewhereIsFound() {
    assertThat(
            AnonymousReplyFilter.nonAnonymousReply(
                envelope(
                    AnonymousReplyFilter.WSA_2004,
                    "<wsa:ReplyTo><wsa:Address>http://evil.example/x</wsa:Address></wsa:ReplyTo>")))
        .contains("wsa:ReplyTo");
    assertThat(
            AnonymousReplyFilter.nonAnonymousReply(
                envelope(
                    AnonymousReplyFilter.WSA_2005,
                    "<wsa:ReplyTo><wsa:Address>"
                        + AnonymousReplyFilter.WSA_2005
                        + "/anonymous</wsa:Address></wsa:ReplyTo>"
                        + "<wsa:FaultTo><wsa:Address>http://10.1.2.3/f</wsa:Address></wsa:FaultTo>")))
        .contains("wsa:FaultTo");
  }

  @Test
  @DisplayName(
      "an address that only appears in the body is not a header, and not XML is left alone")
  void onlyHeadersCount() {
    byte[] inBody =
        ("<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'"
                + " xmlns:wsa='http://www.w3.org/2005/08/addressing'><s:Body>"
                + "<wsa:ReplyTo><wsa:Address>http://x/</wsa:Address></wsa:ReplyTo></s:Body></s:Envelope>")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(AnonymousReplyFilter.nonAnonymousReply(inBody)).isEmpty();
    assertThat(AnonymousReplyFilter.nonAnonymousReply("not xml".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }

  @Test
  @DisplayName("the body's element is named for a fault raised before the body is bound")
  void bodyElement() {
    assertThat(AnonymousReplyFilter.bodyElement(envelope(AnonymousReplyFilter.WSA_2004, "")))
        .contains(new QName("x"));
    byte[] hl7 =
        ("<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Header/><s:Body>"
                + "<FOO_IN000006GB01 xmlns='urn:hl7-org:v3'><id root='1'/></FOO_IN000006GB01>"
                + "</s:Body></s:Envelope>")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(AnonymousReplyFilter.bodyElement(hl7))
        .contains(new QName("urn:hl7-org:v3", "FOO_IN000006GB01"));
    assertThat(AnonymousReplyFilter.bodyElement("not xml".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }

  @Test
  @DisplayName("W3: a refusal answers in the WS-Addressing namespace the request used")
  void addressingNamespaceOfTheRequest() {
    String w3 = AnonymousReplyFilter.WSA_2005;
    String old = AnonymousReplyFilter.WSA_2004;
    assertThat(AnonymousReplyFilter.addressingNamespace(envelope(old, ""))).isEqualTo(old);
    assertThat(AnonymousReplyFilter.addressingNamespace(envelope(w3, ""))).isEqualTo(w3);
    assertThat(AnonymousReplyFilter.addressingNamespace("not xml".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(w3);
  }
}
