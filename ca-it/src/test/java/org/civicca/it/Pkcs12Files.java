package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opens the .p12 files the CLI writes with OpenSSL, as an official's machine would. */
final class Pkcs12Files {

    private static final Pattern SERIAL = Pattern.compile("serial=([0-9A-Fa-f]+)");

    private Pkcs12Files() {
    }

    /** {@code openssl pkcs12 -nokeys}: the certificates and their bag attributes. */
    static Tool.Output certificates(Path work, Path p12, String password) {
        return Tool.run(work, "openssl", "pkcs12", "-in", p12.toString(), "-passin", "pass:" + password, "-nokeys");
    }

    /** {@code openssl pkcs12 -nocerts -nodes} into {@code key}: the private key, unencrypted. */
    static Tool.Output key(Path work, Path p12, String password, Path key) {
        return Tool.run(work, "openssl", "pkcs12", "-in", p12.toString(), "-passin", "pass:" + password, "-nocerts", "-nodes",
                "-out", key.toString());
    }

    /** {@code openssl pkcs12 -nokeys -clcerts} into {@code leaf}: the end-entity certificate only. */
    static Tool.Output leaf(Path work, Path p12, String password, Path leaf) {
        return Tool.run(work, "openssl", "pkcs12", "-in", p12.toString(), "-passin", "pass:" + password, "-nokeys", "-clcerts",
                "-out", leaf.toString());
    }

    /** The leaf certificate's serial, read by OpenSSL from a PEM file. */
    static BigInteger serial(Path work, Path leafPem) {
        Tool.Output output = Tool.run(work, "openssl", "x509", "-in", leafPem.toString(), "-noout", "-serial");
        assertThat(output.exitCode()).as(output.toString()).isZero();
        Matcher matcher = SERIAL.matcher(output.text());
        assertThat(matcher.find()).as(output.toString()).isTrue();
        return new BigInteger(matcher.group(1), 16);
    }

    /** The leaf certificate's serial, read in-process with the JDK's KeyStore: quick enough for hundreds of files. */
    static BigInteger leafSerial(Path p12, String password) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            List<String> keys = Collections.list(store.aliases()).stream().filter(alias -> isKey(store, alias)).toList();
            assertThat(keys).as("key entries in %s", p12).hasSize(1);
            return ((X509Certificate) store.getCertificate(keys.get(0))).getSerialNumber();
        } catch (IOException | GeneralSecurityException e) {
            throw new AssertionError("cannot open " + p12 + ": " + e, e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks that the key in the .p12 is the key of its leaf certificate: the public key OpenSSL derives from the private key
     * equals the one in the certificate.
     */
    static void assertKeyMatchesCertificate(Path work, Path keyPem, Path leafPem) {
        Tool.Output fromKey = Tool.run(work, "openssl", "pkey", "-in", keyPem.toString(), "-pubout");
        Tool.Output fromCertificate = Tool.run(work, "openssl", "x509", "-in", leafPem.toString(), "-noout", "-pubkey");
        assertThat(fromKey.exitCode()).as(fromKey.toString()).isZero();
        assertThat(fromCertificate.exitCode()).as(fromCertificate.toString()).isZero();
        assertThat(fromKey.text().strip()).as("public key of the private key vs. of the certificate\n%s\n%s", fromKey, fromCertificate)
                .contains("BEGIN PUBLIC KEY").isEqualTo(fromCertificate.text().strip());
    }

    /**
     * The values of the "friendlyName:" lines OpenSSL prints, byte for byte (as ISO-8859-1 text). OpenSSL 3.0 prints a
     * BMPString friendly name one byte per character, each code point modulo 256 (openssl/openssl#6219); later versions
     * may print UTF-8.
     */
    static List<String> friendlyNameLines(Tool.Output output) {
        String text = new String(output.bytes(), StandardCharsets.ISO_8859_1);
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            String stripped = line.stripLeading();
            if (stripped.startsWith("friendlyName: ")) {
                names.add(stripped.substring("friendlyName: ".length()));
            }
        }
        return names;
    }

    /** What OpenSSL prints for a friendly name, in either of the renderings it uses (see {@link #friendlyNameLines}). */
    static List<String> friendlyNameRenderings(String name) {
        StringBuilder modulo256 = new StringBuilder();
        name.chars().forEach(c -> modulo256.append((char) (c & 0xFF)));
        return List.of(new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1), modulo256.toString());
    }

    /** A PEM file OpenSSL wrote, as ISO-8859-1: its bag attributes may hold bytes that are not UTF-8 (see above). */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
