package org.civicca.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.civicca.api.account.Actor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where a change came from, as the audit trail records it: the token, the source address and the HTTP request id.
 * Taken on the thread that serves the request, so that an entry written later by another thread (a group commit)
 * still names its request. Every part is null for work the service does on its own.
 */
public record AuditOrigin(String tokenId, String sourceAddress, String requestId) {

    public static final AuditOrigin SERVICE = new AuditOrigin(null, null, null);

    /** The origin of the request this thread is serving, or {@link #SERVICE} outside one. */
    public static AuditOrigin current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? of(servlet.getRequest()) : SERVICE;
    }

    static AuditOrigin of(HttpServletRequest request) {
        Actor caller = (Actor) request.getAttribute(Actor.REQUEST_ATTRIBUTE);
        return new AuditOrigin(caller == null ? null : caller.tokenId(), request.getRemoteAddr(),
                (String) request.getAttribute(AuditLog.REQUEST_ID_ATTRIBUTE));
    }
}
