package org.opencpis.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Who may send for a facility: its certificates over TLS, its peers over plain MLLP only. */
class FacilityTest {

  /** A self-signed certificate (public part only), subject CN=RX9 integration engine,O=...,C=GB. */
  static final String PEM =
      """
      -----BEGIN CERTIFICATE-----
      MIIBpTCCAUugAwIBAgIINwhYYR5B2+8wCgYIKoZIzj0EAwIwRzELMAkGA1UEBhMC
      R0IxFzAVBgNVBAoTDlJYOSB0ZXN0IHRydXN0MR8wHQYDVQQDExZSWDkgaW50ZWdy
      YXRpb24gZW5naW5lMB4XDTI2MTIwMjA0NDcwNFoXDTM2MTEyOTA0NDcwNFowRzEL
      MAkGA1UEBhMCR0IxFzAVBgNVBAoTDlJYOSB0ZXN0IHRydXN0MR8wHQYDVQQDExZS
      WDkgaW50ZWdyYXRpb24gZW5naW5lMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
      JnLSDusbC4yWx1ZWH8T8RlrtF6wwKB3p8hHOnRyx9q7NiZjoTJLEOBXSAHLLQpNc
      BG5Ep8IL1qhiewlIP0GWZaMhMB8wHQYDVR0OBBYEFKIgUl2oytPfU/50I7bHQLDE
      fUJbMAoGCCqGSM49BAMCA0gAMEUCIH9Ngwo519ObuCXsbzHrEupellyvLy4xn7DJ
      /H/wa3xbAiEAvPHm256lUkVbuIEbhPs4nDPfRy5d/FsVYi9GroNRDhM=
      -----END CERTIFICATE-----
      """;

  /** As keytool -list -v prints it. */
  static final String FINGERPRINT =
      "66:B8:5B:13:8F:14:3D:3D:4F:93:DD:CA:A2:9B:A2:E9:3D:BA:5A:9E:7B:17:66:A4:9E:4A:12:93:7C:1C:ED:C3";

  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  static Peer tlsPeer() throws Exception {
    X509Certificate c =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(PEM.getBytes(StandardCharsets.US_ASCII)));
    return Peer.tls(LOOPBACK, c);
  }

  @Test
  @DisplayName("A certificate is admitted by its SHA-256 fingerprint as keytool prints it, or bare")
  void byFingerprint() throws Exception {
    Peer peer = tlsPeer();

    assertThat(Facility.parse("RX9", "client-cert=" + FINGERPRINT).admits(peer)).isTrue();
    assertThat(
            Facility.parse("RX9", "client-cert=" + FINGERPRINT.replace(":", "").toLowerCase())
                .admits(peer))
        .isTrue();
    // one of two while a certificate is renewed
    assertThat(
            Facility.parse("RX9", "client-cert=" + "ab".repeat(32) + "," + FINGERPRINT)
                .admits(peer))
        .isTrue();
    assertThat(Facility.parse("RX9", "client-cert=" + "ab".repeat(32)).admits(peer)).isFalse();
  }

  @Test
  @DisplayName("A certificate is admitted by its subject, compared as a name (case, spaces)")
  void bySubject() throws Exception {
    Peer peer = tlsPeer();

    assertThat(
            Facility.parse("RX9", "client-dn=cn=rx9 integration engine, o=RX9 test trust, c=GB")
                .admits(peer))
        .isTrue();
    assertThat(
            Facility.parse("RX9", "client-dn=CN=RX9 integration engine,O=Another trust,C=GB")
                .admits(peer))
        .isFalse();
  }

  @Test
  @DisplayName(
      "Peers admit a plain connection only: a TLS peer from a listed address still needs the certificate")
  void peersArePlainOnly() throws Exception {
    Facility f = Facility.parse("RX9", "care-setting=ED;peers=127.0.0.1,::1");

    assertThat(f.admits(Peer.plain(LOOPBACK))).isTrue();
    assertThat(f.admits(Peer.plain(InetAddress.getByName("0:0:0:0:0:0:0:1")))).isTrue();
    assertThat(f.admits(Peer.plain(InetAddress.getByName("10.1.2.3")))).isFalse();
    assertThat(f.admits(tlsPeer())).isFalse();
  }

  @Test
  @DisplayName(
      "A facility with neither certificate nor peers admits nobody; host names are not looked up")
  void nobody() throws Exception {
    assertThat(Facility.parse("RX9", "care-setting=ED").admits(Peer.plain(LOOPBACK))).isFalse();
    assertThat(Facility.parse("RX9", "care-setting=ED").admits(tlsPeer())).isFalse();
    assertThat(Facility.parse("RX9", "peers=localhost").peers()).isEmpty();
    assertThat(Facility.parse("RX9", "care-setting=ED").admits(null)).isFalse();
  }
}
