package org.civicca.core.issue;

import org.civicca.core.SerialNumber;

/** Source of certificate serial numbers; the store's unique constraint is the final guard. */
@FunctionalInterface
public interface SerialNumberGenerator {

    SerialNumber next();
}
