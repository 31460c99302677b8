package org.civicca.api.request;

/** Where a clerk's request stands. */
public enum RequestState {
    PENDING,
    APPROVED,
    REJECTED
}
