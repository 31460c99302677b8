package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Officials leave and keys are lost: certificates are revoked one by one and from a file, the CRLs are published
 * into a folder a web server serves, and OpenSSL, as a relying party, checks them and refuses the revoked leaf.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevocationAndCrlTests {

    private static final Pattern CRL_NUMBER = Pattern.compile("X509v3 CRL Number:\\s*\\R\\s*([0-9A-Fa-f]+)");
    private static final Pattern REVOKED_SERIAL = Pattern.compile("Serial Number:\\s*([0-9A-Fa-f]+)");
    private static final String UNKNOWN_REQUEST = "VP-2099-99999";

    private static Path folder;
    private static Service service;
    private static Cli cli;
    private static Api api;
    private static Path out;
    private static Path www;
    /** The manifest rows of the 10 enrolled certificates, in file order. */
    private static List<Map<String, String>> enrolled;
    private static final List<String> revokedSerials = new ArrayList<>();

    @BeforeAll
    static void startServiceAndEnroll() {
        folder = TempFolders.create("revocation");
        service = Service.start(folder.resolve("ca-home"));
        cli = new Cli(service, folder);
        api = new Api(service);
        out = folder.resolve("enrolled");
        www = folder.resolve("www");
        Cli.Result agencies = cli.run("agencies", "import", ProvinceData.file("agencies.csv").toString());
        Path csv = ProvinceData.enrollmentRows(401, 410, folder.resolve("rows-401-410.csv"));
        Cli.Result enroll = cli.run("enroll", "--csv", csv.toString(), "--out", out.toString(), "--concurrency", "8");
        if (agencies.exitCode() != 0 || enroll.exitCode() != 0) {
            throw new IllegalStateException("cannot set up\n" + agencies + "\n" + enroll);
        }
        enrolled = Csv.rows(out.resolve("manifest.csv"));
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
        TempFolders.delete(folder);
    }

    @Test
    @Order(1)
    void revokingOneSerialRevokesItOnTheServer() {
        String serial = enrolled.get(0).get("serial");

        Cli.Result result = cli.run("revoke", "--serial", serial, "--reason", "keyCompromise");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).contains(serial).contains("revoked").doesNotContain("already");
        assertThat(api.statusOf(serial)).as("status of %s", serial).isEqualTo("REVOKED");
        assertThat(api.get("/api/v1/certificates/" + serial)).contains("keyCompromise");
        revokedSerials.add(serial);
    }

    @Test
    @Order(2)
    void revokingItAgainSucceedsAndSaysItWasAlreadyRevoked() {
        String serial = enrolled.get(0).get("serial");

        Cli.Result result = cli.run("revoke", "--serial", serial, "--reason", "keyCompromise");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).contains(serial).contains("already revoked");
        assertThat(api.statusOf(serial)).isEqualTo("REVOKED");
    }

    @Test
    @Order(3)
    void revokingFromAFileOfRequestIdsRevokesTheKnownOnesAndNamesTheUnknownOne() throws IOException {
        Map<String, String> second = enrolled.get(1);
        Map<String, String> third = enrolled.get(2);
        Path file = folder.resolve("leavers.csv");
        Files.writeString(file, "request_id,reason\n" + second.get("request_id") + ",superseded\n" + UNKNOWN_REQUEST
                + ",affiliationChanged\n" + third.get("request_id") + ",cessationOfOperation\n", StandardCharsets.UTF_8);

        Cli.Result result = cli.run("revoke", "--csv", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().lines().filter(l -> l.contains(UNKNOWN_REQUEST)).toList()).as(result.toString()).hasSize(1)
                .allMatch(l -> l.contains("line 3"));
        assertThat(api.statusOf(second.get("serial"))).as("status of %s", second).isEqualTo("REVOKED");
        assertThat(api.statusOf(third.get("serial"))).as("status of %s", third).isEqualTo("REVOKED");
        for (Map<String, String> untouched : enrolled.subList(3, enrolled.size())) {
            assertThat(api.statusOf(untouched.get("serial"))).as("status of %s (not in the file)", untouched).isEqualTo("ISSUED");
        }
        revokedSerials.add(second.get("serial"));
        revokedSerials.add(third.get("serial"));
    }

    @Test
    @Order(4)
    void publishingFreshCrlsWritesVerifiableCrlsListingTheRevokedSerials() {
        Cli.Result result = cli.run("crl", "publish", "--out", www.toString(), "--fresh");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        for (String name : List.of("vinhphuc-issuing.crl", "vinhphuc-issuing.crt", "vinhphuc-root.crl", "vinhphuc-root.crt")) {
            assertThat(www.resolve(name)).as(name + "\n" + result).isRegularFile();
        }
        Path issuing = pem("vinhphuc-issuing");
        Path root = pem("vinhphuc-root");
        Tool.Output issuingCheck = Tool.run(folder, "openssl", "crl", "-inform", "DER", "-in", www.resolve("vinhphuc-issuing.crl").toString(),
                "-CAfile", issuing.toString(), "-noout");
        assertThat(issuingCheck.text()).as(issuingCheck.toString()).contains("verify OK");
        Tool.Output rootCheck = Tool.run(folder, "openssl", "crl", "-inform", "DER", "-in", www.resolve("vinhphuc-root.crl").toString(),
                "-CAfile", root.toString(), "-noout");
        assertThat(rootCheck.text()).as(rootCheck.toString()).contains("verify OK");

        Tool.Output text = crlText();
        List<BigInteger> listed = new ArrayList<>();
        Matcher matcher = REVOKED_SERIAL.matcher(text.text());
        while (matcher.find()) {
            listed.add(new BigInteger(matcher.group(1), 16));
        }
        assertThat(listed).as(text.toString()).containsExactlyInAnyOrderElementsOf(revokedSerials.stream().map(s -> new BigInteger(s, 16)).toList());
    }

    @Test
    @Order(5)
    void thePublicationListenerServesTheSameCrlAndOpenSslAcceptsIt() throws IOException {
        Path fetched = folder.resolve("fetched-issuing.crl");
        Files.write(fetched, api.publicationFile("/crl/vinhphuc-issuing.crl"));

        Tool.Output check = Tool.run(folder, "openssl", "crl", "-inform", "DER", "-in", fetched.toString(), "-CAfile",
                pem("vinhphuc-issuing").toString(), "-noout");
        assertThat(check.text()).as(check.toString()).contains("verify OK");
        assertThat(Files.readAllBytes(fetched)).isEqualTo(api.publicFile("/crl/vinhphuc-issuing.crl"));
        assertThat(api.publicationFile("/ca/vinhphuc-root.crt")).isEqualTo(api.publicFile("/ca/vinhphuc-root.crt"));
    }

    @Test
    @Order(6)
    void publishingAgainWithoutFreshNeverLowersTheCrlNumber() {
        BigInteger before = crlNumber();

        Cli.Result result = cli.run("crl", "publish", "--out", www.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(crlNumber()).as(result.toString()).isGreaterThanOrEqualTo(before);
    }

    @Test
    @Order(7)
    void openSslRefusesTheRevokedLeafAgainstThePublishedCrlAndAcceptsAValidOne() {
        Path crl = folder.resolve("issuing-crl.pem");
        Tool.Output converted = Tool.run(folder, "openssl", "crl", "-inform", "DER", "-in", www.resolve("vinhphuc-issuing.crl").toString(),
                "-out", crl.toString());
        assertThat(converted.exitCode()).as(converted.toString()).isZero();
        Map<String, String> passwords = Csv.byRequestId(out.resolve("passwords.csv"), "password");

        Tool.Output revoked = verify(enrolled.get(0), passwords, crl);
        assertThat(revoked.exitCode()).as(revoked.toString()).isNotZero();
        assertThat(revoked.text()).as(revoked.toString()).contains("certificate revoked");

        Tool.Output valid = verify(enrolled.get(enrolled.size() - 1), passwords, crl);
        assertThat(valid.exitCode()).as(valid.toString()).isZero();
        assertThat(valid.text()).as(valid.toString()).contains(": OK");
    }

    private static Tool.Output verify(Map<String, String> row, Map<String, String> passwords, Path crl) {
        Path leaf = folder.resolve(row.get("request_id") + ".leaf.pem");
        Tool.Output extracted = Pkcs12Files.leaf(folder, out.resolve(row.get("file")), passwords.get(row.get("request_id")), leaf);
        assertThat(extracted.exitCode()).as(extracted.toString()).isZero();
        return Tool.run(folder, "openssl", "verify", "-crl_check", "-CAfile", pem("vinhphuc-root").toString(), "-untrusted",
                pem("vinhphuc-issuing").toString(), "-CRLfile", crl.toString(), leaf.toString());
    }

    /** The published CA certificate, converted to PEM. */
    private static Path pem(String ca) {
        Path pem = folder.resolve(ca + ".pem");
        Tool.Output converted = Tool.run(folder, "openssl", "x509", "-inform", "DER", "-in", www.resolve(ca + ".crt").toString(),
                "-out", pem.toString());
        assertThat(converted.exitCode()).as(converted.toString()).isZero();
        return pem;
    }

    private static Tool.Output crlText() {
        Tool.Output text = Tool.run(folder, "openssl", "crl", "-inform", "DER", "-in", www.resolve("vinhphuc-issuing.crl").toString(),
                "-noout", "-text");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        return text;
    }

    private static BigInteger crlNumber() {
        Tool.Output text = crlText();
        Matcher matcher = CRL_NUMBER.matcher(text.text());
        assertThat(matcher.find()).as(text.toString()).isTrue();
        return new BigInteger(matcher.group(1), 16); // OpenSSL prints the CRL number in hex
    }
}
