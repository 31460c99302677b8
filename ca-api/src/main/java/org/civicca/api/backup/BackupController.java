package org.civicca.api.backup;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.civicca.api.account.Actor;
import org.civicca.api.account.Permit;
import org.civicca.api.account.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/backups}: a consistent online backup of the database and the CA keystore as one zip
 * ({@code civicca backup --out FILE} saves it; {@code civicca restore} unpacks it into a fresh ca.home). Admins only.
 */
@RestController
@Permit(Role.ADMIN)
class BackupController {

    static final String ZIP = "application/zip";

    private final BackupService backups;

    BackupController(BackupService backups) {
        this.backups = backups;
    }

    @PostMapping("/api/v1/backups")
    void backup(Actor actor, HttpServletResponse response) throws IOException {
        try (DatabaseSnapshot snapshot = backups.prepare(actor)) {
            response.setContentType(ZIP);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(BackupArchive.fileName(snapshot.facts())).build().toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            backups.write(snapshot, response.getOutputStream());
        }
    }
}
