package org.civicca.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civicca.api.account.Permit;
import org.civicca.api.account.Role;
import org.civicca.api.web.ClientLanguage;
import org.civicca.core.audit.ChainVerification;
import org.civicca.core.audit.Checkpoint;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Permit({Role.ADMIN, Role.AUDITOR})
class AuditController {

    private final AuditQueries queries;
    private final AuditVerification verification;

    AuditController(AuditQueries queries, AuditVerification verification) {
        this.queries = queries;
        this.verification = verification;
    }

    @GetMapping
    AuditPage list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                   @RequestParam(required = false) String target, @RequestParam(required = false) Integer page,
                   @RequestParam(required = false) Integer size) {
        return queries.page(AuditFilter.of(from, to, actor, action, target, page, size));
    }

    /** The chain itself, oldest first, from after a sequence number: what an independent verifier reads. */
    @GetMapping("/chain")
    List<AuditEntryView> chain(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "1000") int size) {
        return queries.chainPage(after, Math.max(1, Math.min(size, 1000)));
    }

    /** Checks the whole chain and every signed checkpoint; names the first entry that breaks. */
    @GetMapping("/verification")
    VerificationView verify(HttpServletRequest request) {
        return VerificationView.of(verification.verify(), ClientLanguage.of(request));
    }

    @GetMapping("/checkpoints")
    List<CheckpointView> checkpoints() {
        return verification.checkpoints().stream().map(CheckpointView::of).toList();
    }

    /** The audit key's certificate (PEM), for verifying the checkpoints elsewhere. */
    @GetMapping(value = "/key", produces = "application/x-pem-file")
    ResponseEntity<String> key() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file")).body(verification.keyPem());
    }

    /** Signs the chain's head now (it is also signed on a schedule). */
    @PostMapping("/checkpoints")
    @Permit(Role.ADMIN)
    List<CheckpointView> sign() {
        return verification.signNow().stream().map(CheckpointView::of).toList();
    }

    /** The verdict with its problem in the client's language. */
    record VerificationView(boolean intact, long entries, int checkpoints, Optional<Long> firstBadSequence, Optional<String> problem) {
        static VerificationView of(ChainVerification verdict, Locale language) {
            return new VerificationView(verdict.intact(), verdict.entries(), verdict.checkpoints(), verdict.firstBadSequence(),
                    verdict.problem(language));
        }
    }

    record CheckpointView(long sequence, String hash, Instant signedAt, String signature) {
        static CheckpointView of(Checkpoint checkpoint) {
            return new CheckpointView(checkpoint.sequence(), checkpoint.hash(), checkpoint.signedAt(),
                    Base64.getEncoder().encodeToString(checkpoint.signature()));
        }
    }
}
