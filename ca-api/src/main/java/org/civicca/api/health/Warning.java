package org.civicca.api.health;

import org.springframework.boot.health.contributor.Status;

/**
 * Something an operator must act on soon, though the node serves correctly now: a CA certificate near its end, a
 * CRL the scheduler has not remade when due. Ordered between OUT_OF_SERVICE and UP and answered with HTTP 200
 * ({@code management.endpoint.health.status} in the configuration), so a load balancer keeps the node while
 * monitoring sees the word: every node shares the CAs and the database, and taking them all out would stop the
 * CRLs relying parties still accept from being served.
 */
final class Warning {

    static final Status STATUS = new Status("WARNING");

    private Warning() {
    }
}
