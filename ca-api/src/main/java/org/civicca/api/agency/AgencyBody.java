package org.civicca.api.agency;

/** An agency as the API takes and returns it: the columns of agencies.csv. */
public record AgencyBody(String code, String name, String taxCode, String locality) {
}
