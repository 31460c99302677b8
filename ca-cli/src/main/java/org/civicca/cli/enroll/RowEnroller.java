package org.civicca.cli.enroll;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Provider;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.cert.X509CertificateHolder;
import org.civicca.cli.AtomicFiles;
import org.civicca.cli.CliMessage;
import org.civicca.cli.client.ApiProblemException;
import org.civicca.cli.client.CaClient;
import org.civicca.cli.client.Retries;
import org.civicca.cli.client.Wire;
import org.civicca.core.csr.CsrBuilder;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.message.Messages;
import org.civicca.core.pem.Pem;
import org.civicca.core.pkcs12.Pkcs12Writer;

/**
 * Enrolls a row, alone or as part of a batch ({@link BatchEnroller}): key and CSR made here (or taken back from the
 * journal), the certificate requested under the row's request_id, the .p12 written under a fresh password, the row
 * recorded as done, the journal entry dropped.
 */
final class RowEnroller {

    private final CaClient client;
    private final OutputFolder folder;
    private final Journal journal;
    private final KeyAlgorithm algorithm;
    private final Provider keys;
    private final SecureRandom random;
    private final Map<String, List<X509CertificateHolder>> issuers = new ConcurrentHashMap<>();

    /** {@code keys}: the provider that makes the subscribers' keys and signs their CSRs, here on this machine. */
    RowEnroller(CaClient client, OutputFolder folder, Journal journal, KeyAlgorithm algorithm, Provider keys, SecureRandom random) {
        this.client = client;
        this.folder = folder;
        this.journal = journal;
        this.algorithm = algorithm;
        this.keys = keys;
        this.random = random;
    }

    /** One row alone: its key and CSR journalled, then one call, retried while the server is busy. */
    Outcome enroll(EnrollmentRow row) {
        Journal.Pending pending = pending(row);
        journal.flush();
        return alone(row, pending);
    }

    /**
     * The row's key and CSR: taken back from the journal, or made now and recorded there. The caller flushes the
     * journal before the CSR is sent.
     */
    Journal.Pending pending(EnrollmentRow row) {
        return journal.find(row.requestId()).orElseGet(() -> newPending(row));
    }

    /** Sends a row whose key and CSR are on disk in the journal by itself, retried while the server is busy. */
    Outcome alone(EnrollmentRow row, Journal.Pending pending) {
        Wire.Issued issued;
        try {
            issued = Retries.call(() -> client.issue(row.requestBody(pending.csrPem())));
        } catch (ApiProblemException e) {
            return refused(row, e);
        }
        return answered(row, pending, issued);
    }

    /** What the server answered for the row: its certificate, settled, or the request that waits for an officer. */
    Outcome answered(EnrollmentRow row, Journal.Pending pending, Wire.Issued issued) {
        return issued.awaitingApproval() != null ? awaitingApproval(row, issued.awaitingApproval()) : settle(row, pending, issued);
    }

    /** The server refused the row; its journal entry goes unless the failure was the server's (a later run resends it). */
    Outcome refused(EnrollmentRow row, ApiProblemException e) {
        if (!e.isTransient()) {
            journal.drop(row.requestId());
        }
        String reason = "request-id-conflict".equals(e.kind())
                ? Messages.format(client.language(), CliMessage.ROW_REQUEST_ID_ISSUED_ELSEWHERE, e.getMessage())
                : e.getMessage();
        return Outcome.refused(new Refusal(row.line(), row.requestId(), EnrollmentRow.column(e.field()), reason));
    }

    /**
     * The server holds the row for an officer's approval (the caller is a clerk): no certificate yet, so the key stays
     * in the journal.
     */
    private Outcome awaitingApproval(EnrollmentRow row, Wire.PendingRequest request) {
        return Outcome.refused(new Refusal(row.line(), row.requestId(), "profile",
                Messages.format(client.language(), CliMessage.ROW_AWAITS_APPROVAL, request.id(), request.state())));
    }

    /** The row's certificate: the .p12 written under a fresh password, the row recorded as done, the journal entry dropped. */
    private Outcome settle(EnrollmentRow row, Journal.Pending pending, Wire.Issued issued) {
        List<X509CertificateHolder> chain = chain(issued.certificate());
        String password = folder.passwordFor(row.requestId(), this::newPassword);
        String name = Normalizer.normalize(row.commonName(), Normalizer.Form.NFC).strip();
        byte[] p12;
        try {
            p12 = pending.madeWith().isPresent()
                    ? Pkcs12Writer.write(new KeyPair(pending.madeWith().get(), pending.key()), chain, name, password.toCharArray(), random)
                    : Pkcs12Writer.write(pending.key(), chain, name, password.toCharArray(), random);
        } catch (IllegalArgumentException e) {
            return Outcome.refused(new Refusal(row.line(), row.requestId(), "key",
                    Messages.format(client.language(), CliMessage.ROW_KEY_MISMATCH)));
        }
        Path file = folder.p12(row.agency(), row.requestId());
        AtomicFiles.write(file, p12, AtomicFiles.OWNER_ONLY);
        folder.recordDone(row.requestId(), issued.certificate().serial(), folder.root().relativize(file).toString(),
                issued.certificate().notAfter().toString(), issued.certificate().status());
        journal.drop(row.requestId());
        return issued.created() ? Outcome.ISSUED : Outcome.RECOVERED;
    }

    private Journal.Pending newPending(EnrollmentRow row) {
        KeyPair pair = algorithm.generate(random, keys);
        String csr = Pem.certificateRequest(CsrBuilder.build(pair, algorithm, keys));
        journal.record(row.requestId(), pair.getPrivate(), csr, random);
        return new Journal.Pending(pair.getPrivate(), csr, Optional.of(pair.getPublic()));
    }

    /**
     * The certificate and its issuers. The issuers are the same for every row of a CA, so their PEM is parsed once per
     * run; a chain that does not begin with the certificate's own PEM is parsed whole.
     */
    private List<X509CertificateHolder> chain(Wire.Certificate certificate) {
        String chainPem = certificate.chainPem();
        String leafPem = certificate.certificatePem();
        if (leafPem == null || !chainPem.startsWith(leafPem) || chainPem.substring(leafPem.length()).isBlank()) {
            return Pem.parseCertificates(chainPem);
        }
        List<X509CertificateHolder> chain = new ArrayList<>();
        chain.add(Pem.parseCertificate(leafPem));
        chain.addAll(issuers.computeIfAbsent(chainPem.substring(leafPem.length()), Pem::parseCertificates));
        return chain;
    }

    private String newPassword() {
        byte[] secret = new byte[18];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** What became of a row. */
    record Outcome(String kind, Refusal refusal) {
        static final Outcome ISSUED = new Outcome("issued", null);
        static final Outcome RECOVERED = new Outcome("recovered", null);

        static Outcome refused(Refusal refusal) {
            return new Outcome("failed", refusal);
        }

        /** A failure of this tool or its machine (a full disk, say), not the server's refusal. */
        static Outcome unexpected(EnrollmentRow row, RuntimeException e, Locale language) {
            return refused(new Refusal(row.line(), row.requestId(), "-", Messages.format(language, CliMessage.UNEXPECTED_ERROR,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()))));
        }
    }
}
