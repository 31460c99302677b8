package org.civicca.api.revocation;

import java.util.concurrent.CompletableFuture;
import org.civicca.api.account.Actor;
import org.civicca.api.account.Permit;
import org.civicca.api.account.Role;
import org.civicca.api.certificate.CertificateView;
import org.civicca.api.certificate.CertificateViews;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/certificates/{serial}")
class RevocationController {

    private final Revocations revocations;
    private final CertificateViews views;
    private final RevokedCertificates revoked;

    RevocationController(Revocations revocations, CertificateViews views, RevokedCertificates revoked) {
        this.revocations = revocations;
        this.views = views;
        this.revoked = revoked;
    }

    @PostMapping(value = "/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Permit({Role.ADMIN, Role.OFFICER, Role.CLERK})
    CompletableFuture<CertificateView> revoke(@PathVariable String serial, @RequestBody RevocationBody body, Actor actor) {
        return revocations.revoke(serial, body, actor).thenApply(record -> {
            // Counted here, once: the revocation has committed when the future completes.
            revoked.committed(record);
            return views.full(record);
        });
    }

    @PostMapping("/release")
    @Permit({Role.ADMIN, Role.OFFICER, Role.CLERK})
    CertificateView release(@PathVariable String serial, Actor actor) {
        return views.full(revocations.release(serial, actor));
    }
}
