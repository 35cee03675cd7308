package org.opencpis.it;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A QUPC_IN000006GB01 written by hand as the national CP-IS schema defines it
 * (docs/spine-national-shape.md §1.4 and §1.5), not by our generated client, which would agree with
 * our own WSDL whatever it says; sent raw over HTTP. Each test changes exactly the text it means
 * to: {@link #replace} fails when the template no longer holds that text.
 */
public final class NationalQuery {

  static final String WSA_2004 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
  static final String WSA_2005 = "http://www.w3.org/2005/08/addressing";

  static final String PERSON_NAME =
      "<name><prefix>Dr</prefix><given>Ada</given><given>Grace</given><family>Okafor</family>"
          + "<suffix>MBE</suffix></name>";

  /** The person author of §1.4: an ED nurse's smartcard. */
  static final String PERSON_AUTHOR =
      """
                    <npfitlc:contentId root="2.16.840.1.113883.2.1.3.2.4.18.16" extension="COCT_TP145102GB01#AssignedAuthor"/>
                    <COCT_TP145102GB01.AssignedAuthor>
                      <code code="R8001" codeSystem="2.16.840.1.113883.2.1.3.2.4.17.339" displayName="Nurse Access Role"/>
                      <id root="1.2.826.0.1285.0.2.0.65" extension="555000111222"/>
                      <id root="1.2.826.0.1285.0.2.0.67" extension="555000333444"/>
                      <assignedAuthorPerson>
                        %s
                      </assignedAuthorPerson>
                      <representedOrganization>
                        <id root="2.16.840.1.113883.2.1.3.2.4.19.1" extension="RWE"/>
                        <name>University Hospitals of Leicester NHS Trust</name>
                      </representedOrganization>
                    </COCT_TP145102GB01.AssignedAuthor>
      """
          .formatted(PERSON_NAME);

  /**
   * The system author of §1.5: an ED's system acting for a named practitioner (its own ASID here,
   * so that a test can change it alone).
   */
  static final String SYSTEM_AUTHOR =
      """
                    <npfitlc:contentId root="2.16.840.1.113883.2.1.3.2.4.18.16" extension="COCT_TP145104GB01#System"/>
                    <COCT_TP145104GB01.System>
                      <id root="1.2.826.0.1285.0.2.0.107" extension="200000000777"/>
                      <indirectAuthority>
                        <superiorAssignedEntity>
                          <code code="R8000" codeSystem="2.16.840.1.113883.2.1.3.2.4.17.339" displayName="Clinical Practitioner Access Role"/>
                          <assignedPerson>
                            <name><given>Sam</given><family>Patel</family></name>
                          </assignedPerson>
                        </superiorAssignedEntity>
                      </indirectAuthority>
                      <maintainingOrganization>
                        <id root="2.16.840.1.113883.2.1.3.2.4.19.1" extension="RWE"/>
                        <name>University Hospitals of Leicester NHS Trust</name>
                      </maintainingOrganization>
                    </COCT_TP145104GB01.System>
      """;

  private static final String TEMPLATE =
      """
      <SOAP:Envelope xmlns:SOAP="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsa="%1$s">
        <SOAP:Header>
          <wsa:MessageID>uuid:%2$s</wsa:MessageID>
          <wsa:Action>urn:nhs:names:services:cpisquery/QUPC_IN000006GB01</wsa:Action>
          <wsa:To>%3$s/spine/cpisquery</wsa:To>
          <wsa:From><wsa:Address>https://ed.example-trust.nhs.uk/cpis-client</wsa:Address></wsa:From>
          <!--headers-->
        </SOAP:Header>
        <SOAP:Body>
          <QUPC_IN000006GB01 xmlns="urn:hl7-org:v3" xmlns:npfitlc="NPFIT:HL7:Localisation">
            <id root="%2$s"/>
            <creationTime value="20261125103000"/>
            <versionCode code="V3NPfIT3.0"/>
            <interactionId root="2.16.840.1.113883.2.1.3.2.4.12" extension="QUPC_IN000006GB01"/>
            <processingCode code="P"/>
            <processingModeCode code="T"/>
            <acceptAckCode code="NE"/>
            <communicationFunctionRcv typeCode="RCV">
              <device classCode="DEV" determinerCode="INSTANCE">
                <id root="1.2.826.0.1285.0.2.0.107" extension="928942012545"/>
              </device>
            </communicationFunctionRcv>
            <communicationFunctionSnd typeCode="SND">
              <device classCode="DEV" determinerCode="INSTANCE">
                <id root="1.2.826.0.1285.0.2.0.107" extension="200000000999"/>
              </device>
            </communicationFunctionSnd>
            <ControlActEvent classCode="CACT" moodCode="EVN">
              <author1 typeCode="AUT">
                <AgentSystemSDS classCode="AGNT">
                  <agentSystemSDS classCode="DEV" determinerCode="INSTANCE">
                    <id root="1.2.826.0.1285.0.2.0.107" extension="200000000999"/>
                  </agentSystemSDS>
                </AgentSystemSDS>
              </author1>
              <subject typeCode="SUBJ">
                <CP-ISQueryStub>
                  <cP-ISNHSQuery>
                    <effectiveTime value="20261125103000"/>
                    <id root="%4$s"/>
                    <author>
      %5$s
                    </author>
                    <queryByParameter>
                      <person.NHSnumber>
                        <value extension="%6$s"/>
                      </person.NHSnumber>
                    </queryByParameter>
                  </cP-ISNHSQuery>
                </CP-ISQueryStub>
              </subject>
            </ControlActEvent>
          </QUPC_IN000006GB01>
        </SOAP:Body>
      </SOAP:Envelope>
      """;

  private String xml;
  final String messageId = UUID.randomUUID().toString().toUpperCase();
  final String eventId = UUID.randomUUID().toString().toUpperCase();

  private NationalQuery(String author, String nhs) {
    xml = TEMPLATE.formatted(WSA_2004, messageId, TestServer.baseUrl(), eventId, author, nhs);
  }

  /** The §1.4 query: a person author, WS-Addressing 2004/08 as Spine's own stylesheets use. */
  public static NationalQuery byPerson(String nhs) {
    return new NationalQuery(PERSON_AUTHOR, nhs);
  }

  /** The §1.5 query: a system author acting for a named person. */
  static NationalQuery bySystem(String nhs) {
    return new NationalQuery(SYSTEM_AUTHOR, nhs);
  }

  /** The text {@code was}, which the message must hold, replaced by {@code by}. */
  NationalQuery replace(String was, String by) {
    if (!xml.contains(was)) {
      throw new IllegalArgumentException("the query does not hold " + was);
    }
    xml = xml.replace(was, by);
    return this;
  }

  /**
   * The first element that starts with {@code start}, up to the first {@code end} after it,
   * replaced by {@code by} (empty: the element removed).
   */
  NationalQuery replaceElement(String start, String end, String by) {
    int from = xml.indexOf(start);
    int to = from < 0 ? -1 : xml.indexOf(end, from);
    if (to < 0) {
      throw new IllegalArgumentException("the query does not hold " + start + " ... " + end);
    }
    xml = xml.substring(0, from) + by + xml.substring(to + end.length());
    return this;
  }

  /** WS-Addressing in the W3C 2005/08 namespace instead of 2004/08. */
  NationalQuery w3cAddressing() {
    return replace("xmlns:wsa=\"" + WSA_2004 + "\"", "xmlns:wsa=\"" + WSA_2005 + "\"");
  }

  /** More SOAP headers (ReplyTo, FaultTo). */
  NationalQuery headers(String headers) {
    return replace("<!--headers-->", headers);
  }

  /** OpenCPIS's own elements, after queryByParameter (care setting, access event type). */
  NationalQuery extensions(String elements) {
    return replace("</queryByParameter>", "</queryByParameter>" + elements);
  }

  public String xml() {
    return xml;
  }

  HttpResponse<String> send(Spine.User user) throws Exception {
    return post(user, xml);
  }

  /** A raw SOAP 1.1 POST to cpisquery, with HTTP Basic authentication. */
  static HttpResponse<String> post(Spine.User user, String envelope) throws Exception {
    return Spine.soapPost(
        "/spine/cpisquery",
        HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8),
        user,
        "urn:nhs:names:services:cpisquery/QUPC_IN000006GB01");
  }
}
