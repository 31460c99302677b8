package org.civicca.api.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicca.api.ApiClient;
import org.civicca.api.Requests;
import org.civicca.api.ServiceTest;
import org.civicca.api.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The whole path a certificate takes, checked by the real openssl binary as a relying party would. */
class OpenSslRelyingPartyTests extends ServiceTest {

    @TempDir
    Path dir;

    @Test
    void issuedChainVerifiesAndRevocationShowsInTheCrl() throws IOException {
        Tool.Result keygen = Tool.run(dir, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "key.pem", "-out", "csr.pem", "-subj", "/CN=anything");
        assertThat(keygen.exitCode()).as(keygen.toString()).isZero();

        ApiClient.Response issued = api.post("/api/v1/certificates",
                Requests.personal("Nguyễn Thị Ánh", Files.readString(dir.resolve("csr.pem"))));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        JsonNode certificate = issued.json();
        Files.writeString(dir.resolve("cert.pem"), certificate.get("certificatePem").asString());
        fetchCaFiles();

        Tool.Result verified = openssl("verify", "-x509_strict", "-crl_check_all", "-CAfile", "root.pem", "-untrusted", "issuing.pem",
                "-CRLfile", "crls.pem", "cert.pem");
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.output()).as(verified.toString()).contains("cert.pem: OK");

        Tool.Result subject = openssl("x509", "-in", "cert.pem", "-noout", "-subject", "-nameopt", "utf8,sep_comma_plus");
        assertThat(subject.output().strip()).as(subject.toString()).isEqualTo("subject=C=VN,ST=Vĩnh Phúc,L=Vĩnh Yên,O=Sở Tài chính,"
                + "OU=Phòng Ngân sách,title=Chuyên viên,CN=Nguyễn Thị Ánh,UID=CCCD:026199482708");

        String serial = certificate.get("serial").asString();
        ApiClient.Response revoked = api.post("/api/v1/certificates/" + serial + "/revocation", Map.of("reason", "keyCompromise"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        ApiClient.Response crl = api.post("/api/v1/cas/vinhphuc-issuing/crl", Map.of());
        assertThat(crl.status()).as(crl.toString()).isEqualTo(200);
        fetchCaFiles();

        Tool.Result refused = openssl("verify", "-crl_check", "-CAfile", "root.pem", "-untrusted", "issuing.pem",
                "-CRLfile", "issuing-crl.pem", "cert.pem");
        assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
        assertThat(refused.output()).as(refused.toString()).contains("certificate revoked");

        Tool.Result listed = openssl("crl", "-in", "issuing-crl.pem", "-noout", "-text");
        assertThat(listed.output()).as(listed.toString())
                .contains("Serial Number: " + serial.toUpperCase().replaceFirst("^(?=(..)*.$)", "0"))
                .contains("Key Compromise");
        // The CRL the revocation itself triggers may already have replaced the one published here.
        Matcher number = Pattern.compile("X509v3 CRL Number: \\s+(\\d+)").matcher(listed.output());
        assertThat(number.find()).as(listed.toString()).isTrue();
        assertThat(Long.parseLong(number.group(1))).isGreaterThanOrEqualTo(crl.json().get("crlNumber").asLong());
    }

    @Test
    void rsaKeysMadeByOpenSslAlsoGetKeyEncipherment() throws IOException {
        Tool.Result keygen = Tool.run(dir, "openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem",
                "-out", "csr.pem", "-subj", "/CN=anything");
        assertThat(keygen.exitCode()).as(keygen.toString()).isZero();

        ApiClient.Response issued = api.post("/api/v1/certificates", Requests.personal("Trần Văn Bình", Files.readString(dir.resolve("csr.pem"))));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        Files.writeString(dir.resolve("cert.pem"), issued.json().get("certificatePem").asString());
        fetchCaFiles();

        Tool.Result text = openssl("x509", "-in", "cert.pem", "-noout", "-ext", "keyUsage,extendedKeyUsage");
        assertThat(text.output()).as(text.toString())
                .contains("Digital Signature, Non Repudiation, Key Encipherment")
                .contains("TLS Web Client Authentication, E-mail Protection, 1.3.6.1.5.5.7.3.36");
        Tool.Result verified = openssl("verify", "-x509_strict", "-crl_check_all", "-CAfile", "root.pem", "-untrusted", "issuing.pem",
                "-CRLfile", "crls.pem", "cert.pem");
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
    }

    /** Fetches both CA certificates and CRLs over the public, credential-free URLs and converts them to PEM. */
    private void fetchCaFiles() throws IOException {
        for (String ca : new String[] {"root", "issuing"}) {
            ApiClient.Response certificate = api.anonymous("GET", "/ca/vinhphuc-" + ca + ".crt", Map.of());
            assertThat(certificate.status()).isEqualTo(200);
            Files.write(dir.resolve(ca + ".der"), certificate.body());
            assertThat(openssl("x509", "-inform", "DER", "-in", ca + ".der", "-out", ca + ".pem").exitCode()).isZero();
            ApiClient.Response crl = api.anonymous("GET", "/crl/vinhphuc-" + ca + ".crl", Map.of());
            assertThat(crl.status()).isEqualTo(200);
            Files.write(dir.resolve(ca + "-crl.der"), crl.body());
            assertThat(openssl("crl", "-inform", "DER", "-in", ca + "-crl.der", "-out", ca + "-crl.pem").exitCode()).isZero();
        }
        Files.writeString(dir.resolve("crls.pem"), Files.readString(dir.resolve("issuing-crl.pem"), StandardCharsets.US_ASCII)
                + Files.readString(dir.resolve("root-crl.pem"), StandardCharsets.US_ASCII));
    }

    private Tool.Result openssl(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        return Tool.run(dir, command);
    }
}
