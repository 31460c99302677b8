package org.civicca.api.profile;

import java.util.List;
import org.civicca.api.account.Permit;
import org.civicca.api.account.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/profiles")
class ProfileController {

    private final ProfileCatalog catalog;

    ProfileController(ProfileCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Permit({Role.ADMIN, Role.OFFICER, Role.CLERK, Role.AUDITOR})
    List<ProfileView> list() {
        return catalog.all();
    }
}
