package org.civicca.api.account;

/** What an account may do. */
public enum Role {
    /** Everything, including accounts and agencies. */
    ADMIN,
    /** Registration officer: requests and revokes any certificate, makes CRLs. */
    OFFICER,
    /** Bound to one agency: requests, sees and revokes that agency's certificates only. */
    CLERK,
    /** Reads certificates, CAs, profiles and agencies; changes nothing. */
    AUDITOR
}
