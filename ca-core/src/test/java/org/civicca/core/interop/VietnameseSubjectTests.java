package org.civicca.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicca.core.interop.RelyingPartyTools.certtoolSubject;
import static org.civicca.core.interop.RelyingPartyTools.openSslSubject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.civicca.core.Processes;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Vietnamese subject reads the same in OpenSSL, GnuTLS and NSS. The agency name holds a comma, which each tool
 * marks in its own way: GnuTLS escapes it as RFC 4514 says ({@code \,}), NSS quotes the whole value (RFC 1779),
 * and OpenSSL does either on request ({@code esc_2253}, {@code esc_2253,use_quote}) but by default leaves it
 * bare, so that "O=Sở Văn hóa, Thể thao và Du lịch" would read as two attributes.
 */
class VietnameseSubjectTests {

    @TempDir
    Path directory;

    static Stream<Arguments> subjects() {
        return Stream.of(
                Arguments.of("personal", "UID=CCCD:026090001234,CN=Phạm Quang Duy,O=Sở Văn hóa\\, Thể thao và Du lịch,"
                        + "L=Vĩnh Yên,ST=Vĩnh Phúc,C=VN"),
                Arguments.of("organization", "UID=MST:2500123456,CN=Sở Văn hóa\\, Thể thao và Du lịch,"
                        + "O=Sở Văn hóa\\, Thể thao và Du lịch,L=Vĩnh Yên,ST=Vĩnh Phúc,C=VN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void openSslAndGnuTlsPrintTheSameVietnameseSubject(String profile, String subject) {
        PkiFiles files = files(profile);

        assertThat(openSslSubject(files, "good.pem", "esc_2253")).isEqualTo(subject);
        assertThat(certtoolSubject(files, "good.pem")).isEqualTo(subject);
    }

    /** NSS 3.87 prints every non-ASCII byte as '.' and wraps the subject over several lines. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void nssPrintsTheSubjectAsOpenSslDoesWithADotForEveryNonAsciiByte(String profile, String subject) {
        PkiFiles files = files(profile);
        NssDatabase nss = NssDatabase.create(directory.resolve("nssdb")).add("good", files.path("good.pem"));

        String quoted = openSslSubject(files, "good.pem", "esc_2253,use_quote");

        assertThat(withoutWhitespace(nssSubject(nss.show("good").succeeded()))).isEqualTo(withoutWhitespace(nonAsciiBytesAsDots(quoted)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"personal", "organization"})
    void nssKeepsTheHoldersVietnameseNameAsTheNicknameAndFindsTheCertificateByIt(String profile) {
        String name = Emitted.holder(profile).commonName();
        PkiFiles files = files(profile);
        NssDatabase nss = NssDatabase.create(directory.resolve("nssdb")).add(name, files.path("good.pem"));

        assertThat(nicknames(nss.list().succeeded())).containsExactly(name);
        nss.show(name).succeeded().printed("Subject: \"UID=");
    }

    // ---------------------------------------------------------------- helpers

    private PkiFiles files(String profile) {
        return PkiFiles.write(Emitted.by(KeyAlgorithm.EC_P256, profile), directory);
    }

    /** The "Subject:" line of {@code certutil -L -n} and its more deeply indented continuation lines, without the outer quotes. */
    private static String nssSubject(Processes.Result shown) {
        List<String> lines = shown.output().lines().toList();
        int start = firstLine(shown, line -> line.strip().startsWith("Subject: "));
        StringBuilder subject = new StringBuilder(lines.get(start).strip().substring("Subject: ".length()));
        for (int i = start + 1; i < lines.size() && indentation(lines.get(i)) > indentation(lines.get(start)); i++) {
            subject.append(lines.get(i).strip());
        }
        assertThat(subject).as(shown.describe()).startsWith("\"").endsWith("\"");
        return subject.substring(1, subject.length() - 1);
    }

    /** The nickname column of {@code certutil -L}: each line below the header, without the trust attributes. */
    private static List<String> nicknames(Processes.Result listing) {
        List<String> lines = listing.output().lines().toList();
        int header = firstLine(listing, line -> line.contains("SSL,S/MIME,JAR/XPI"));
        return lines.subList(header + 1, lines.size()).stream().map(String::stripTrailing).filter(line -> !line.isEmpty())
                .map(line -> line.substring(0, line.lastIndexOf(' ')).strip()).toList();
    }

    private static int firstLine(Processes.Result result, Predicate<String> wanted) {
        List<String> lines = result.output().lines().toList();
        return IntStream.range(0, lines.size()).filter(i -> wanted.test(lines.get(i))).findFirst()
                .orElseThrow(() -> new AssertionError("line not found in " + result.describe()));
    }

    private static String nonAsciiBytesAsDots(String text) {
        StringBuilder ascii = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            ascii.append(b < 0 ? '.' : (char) b);
        }
        return ascii.toString();
    }

    private static String withoutWhitespace(String text) {
        return text.replaceAll("\\s", "");
    }

    private static int indentation(String line) {
        return line.length() - line.stripLeading().length();
    }
}
