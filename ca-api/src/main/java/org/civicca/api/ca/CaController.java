package org.civicca.api.ca;

import java.time.Instant;
import java.util.List;
import org.civicca.api.account.Actor;
import org.civicca.api.account.Permit;
import org.civicca.api.account.Role;
import org.civicca.api.crl.CrlService;
import org.civicca.core.crl.PublishedCrl;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cas")
class CaController {

    private final CaCatalog catalog;
    private final CrlService crls;

    CaController(CaCatalog catalog, CrlService crls) {
        this.catalog = catalog;
        this.crls = crls;
    }

    @GetMapping
    @Permit({Role.ADMIN, Role.OFFICER, Role.CLERK, Role.AUDITOR})
    List<CaView> list() {
        return catalog.all();
    }

    /** Makes a fresh CRL now. */
    @PostMapping("/{ca}/crl")
    @Permit({Role.ADMIN, Role.OFFICER})
    CrlView publish(@PathVariable String ca, Actor actor) {
        PublishedCrl crl = crls.publish(catalog.name(ca), actor.name());
        return new CrlView(crl.caName(), crl.number(), crl.thisUpdate(), crl.nextUpdate());
    }

    record CrlView(String ca, long crlNumber, Instant thisUpdate, Instant nextUpdate) {
    }
}
