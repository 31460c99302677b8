package org.civicca.cli.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.civicca.core.csr.CsrBuilder;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.pem.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path folder;

    @Test
    void anEntryOutlivesTheRunThatWroteItUntilItIsDropped() throws Exception {
        KeyPair keys = KeyAlgorithm.EC_P256.generate(RANDOM);
        String csr = csr(keys);
        try (Journal journal = Journal.open(folder, RANDOM)) {
            journal.record("VP-2021-00001", keys.getPrivate(), csr, RANDOM);
            journal.flush();
        }
        Path log = folder.resolve(".journal/journal.log");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");

        try (Journal journal = Journal.open(folder, RANDOM)) {
            Journal.Pending pending = journal.find("VP-2021-00001").orElseThrow();
            assertThat(pending.key().getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
            assertThat(pending.csrPem()).isEqualTo(csr);
            assertThat(journal.find("VP-2021-00002")).isEmpty();
            journal.drop("VP-2021-00001");
        }
        assertThat(log).doesNotExist();
        try (Journal journal = Journal.open(folder, RANDOM)) {
            assertThat(journal.find("VP-2021-00001")).isEmpty();
        }
    }

    @Test
    void aLineCutShortByACrashIsLeftOutAndTheRestKept() throws Exception {
        KeyPair keys = KeyAlgorithm.EC_P256.generate(RANDOM);
        try (Journal journal = Journal.open(folder, RANDOM)) {
            journal.record("VP-1", keys.getPrivate(), csr(keys), RANDOM);
            journal.record("VP-2", keys.getPrivate(), csr(keys), RANDOM);
            journal.flush();
            journal.drop("VP-2");
        }
        Path log = folder.resolve(".journal/journal.log");
        Files.writeString(log, "VP-3 LS0tLS1CRUdJTiBF", StandardOpenOption.APPEND);

        try (Journal journal = Journal.open(folder, RANDOM)) {
            assertThat(journal.find("VP-1")).isPresent();
            assertThat(journal.find("VP-2")).isEmpty();
            assertThat(journal.find("VP-3")).isEmpty();
        }
        assertThat(Files.readAllLines(log)).hasSize(1).allMatch(line -> line.startsWith("VP-1 "));
    }

    @Test
    void entriesAnEarlierVersionLeftOneFileEachAreTakenIn() throws Exception {
        KeyPair keys = KeyAlgorithm.EC_P256.generate(RANDOM);
        String csr = csr(keys);
        try (Journal ignored = Journal.open(folder, RANDOM)) {
            // Only creates the journal's passphrase.
        }
        char[] passphrase = Files.readString(folder.resolve(".journal/journal.key"), StandardCharsets.US_ASCII).strip().toCharArray();
        Path legacy = folder.resolve(".journal/VP-2021-00007.pending");
        Files.writeString(legacy, Pem.encryptedPrivateKey(keys.getPrivate(), Pem.passphraseKey(passphrase, RANDOM), RANDOM) + csr);

        try (Journal journal = Journal.open(folder, RANDOM)) {
            assertThat(journal.find("VP-2021-00007").orElseThrow().key().getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        }
        assertThat(legacy).doesNotExist();
        try (Journal journal = Journal.open(folder, RANDOM)) {
            assertThat(journal.find("VP-2021-00007")).isPresent();
        }
    }

    private static String csr(KeyPair keys) {
        return Pem.certificateRequest(CsrBuilder.build(keys, KeyAlgorithm.EC_P256));
    }
}
