package org.civicca.api.account;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Permit(Role.ADMIN)
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/v1/accounts")
    ResponseEntity<AccountView> create(@RequestBody AccountBody body, Actor actor) {
        AccountView created = accounts.create(body, actor);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/accounts")
    List<AccountView> list() {
        return accounts.list();
    }

    @PostMapping("/api/v1/accounts/{id}/disable")
    AccountView disable(@PathVariable String id, Actor actor) {
        return accounts.disable(id, actor);
    }

    /** The only answer that ever shows the token's secret. */
    @PostMapping("/api/v1/accounts/{id}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    NewToken createToken(@PathVariable String id, @RequestBody(required = false) TokenBody body, Actor actor) {
        return accounts.createToken(id, body, actor);
    }

    @GetMapping("/api/v1/accounts/{id}/tokens")
    List<TokenView> tokens(@PathVariable String id) {
        return accounts.tokens(id);
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable String id, Actor actor) {
        accounts.revokeToken(id, actor);
    }
}
