package org.civicca.api.backup;

import java.util.List;

/**
 * The last entry of every backup archive ({@code manifest.json}): what the archive holds, from when, and what it
 * deliberately does not hold. {@code restore} checks each file against its size and SHA-256 before writing it.
 */
record BackupManifest(String format, String serviceVersion, String createdAt, String database, String schemaVersion,
                      long auditSequence, List<Authority> authorities, List<Part> files, String keystorePassword) {

    static final String FORMAT = "civicca-backup-1";
    static final String NAME = "manifest.json";
    static final String KEYSTORE_PASSWORD = "not included: keep it apart from this archive; the restored service needs it "
            + "(CA_KEYSTORE_PASSWORD, ca.keystore-password-file, or keystore/keystore.password in the restored ca.home)";

    /** A CA and the number of its newest CRL at the time of the snapshot: the restored CA continues above it. */
    record Authority(String name, long crlNumber) {
    }

    /** A file of the archive, by its path relative to {@code ca.home}. */
    record Part(String path, long size, String sha256) {
    }
}
