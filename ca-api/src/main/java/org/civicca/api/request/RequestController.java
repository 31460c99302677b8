package org.civicca.api.request;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civicca.api.account.Actor;
import org.civicca.api.account.Permit;
import org.civicca.api.account.Role;
import org.civicca.api.web.ApiMessage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/requests")
class RequestController {

    private final RequestService requests;

    RequestController(RequestService requests) {
        this.requests = requests;
    }

    @GetMapping
    @Permit({Role.ADMIN, Role.OFFICER, Role.CLERK, Role.AUDITOR})
    List<RequestView> list(@RequestParam(required = false) String state, Actor actor) {
        return requests.list(state(state), actor);
    }

    @GetMapping("/{id}")
    @Permit({Role.ADMIN, Role.OFFICER, Role.CLERK, Role.AUDITOR})
    RequestView get(@PathVariable String id, Actor actor) {
        return requests.get(id, actor);
    }

    @PostMapping("/{id}/approval")
    @Permit({Role.ADMIN, Role.OFFICER})
    RequestView approve(@PathVariable String id, Actor actor) {
        return requests.approve(id, actor);
    }

    @PostMapping("/{id}/rejection")
    @Permit({Role.ADMIN, Role.OFFICER})
    RequestView reject(@PathVariable String id, @RequestBody RejectionBody body, Actor actor) {
        return requests.reject(id, body.reason(), actor);
    }

    record RejectionBody(String reason) {
    }

    private static Optional<RequestState> state(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RequestState.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new CaException(ErrorCode.MALFORMED_REQUEST, "state", ApiMessage.REQUEST_STATE_ONE_OF);
        }
    }
}
