package org.civicca.core.store;

import java.util.Optional;
import org.civicca.core.agency.Agency;

/** Looks up agencies by code. */
public interface AgencyDirectory {

    Optional<Agency> find(String code);
}
