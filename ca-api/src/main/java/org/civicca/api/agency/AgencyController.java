package org.civicca.api.agency;

import java.net.URI;
import java.util.List;
import org.civicca.api.account.Actor;
import org.civicca.api.account.Permit;
import org.civicca.api.account.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agencies")
class AgencyController {

    private final AgencyService agencies;

    AgencyController(AgencyService agencies) {
        this.agencies = agencies;
    }

    @GetMapping
    @Permit({Role.ADMIN, Role.OFFICER, Role.CLERK, Role.AUDITOR})
    List<AgencyBody> list() {
        return agencies.list();
    }

    @PostMapping
    @Permit(Role.ADMIN)
    ResponseEntity<AgencyBody> create(@RequestBody AgencyBody body, Actor actor) {
        AgencyBody created = agencies.create(body, actor.name());
        return ResponseEntity.created(URI.create("/api/v1/agencies/" + created.code())).body(created);
    }

    @PutMapping("/{code}")
    @Permit(Role.ADMIN)
    AgencyBody update(@PathVariable String code, @RequestBody AgencyBody body, Actor actor) {
        return agencies.update(code, body, actor.name());
    }
}
