package org.civicca.core.store;

import org.civicca.core.SerialNumber;
import org.civicca.core.revoke.Revocation;

/** One line of a CRL. */
public record RevokedEntry(SerialNumber serial, Revocation revocation) {
}
