package org.civicca.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.civicca.api.ApiClient;
import org.civicca.api.Requests;
import org.civicca.api.TestCsrs;
import org.civicca.core.key.KeyAlgorithm;

/** Fresh accounts with a token each, and fresh certificates, made through the API by the admin. */
public final class TestAccounts {

    private TestAccounts() {
    }

    /** An account, the token it was given and a client that calls with that token. */
    public record Account(String id, String name, String tokenId, String token, ApiClient client) {
    }

    public static Account create(ApiClient admin, int port, String role, String agency) {
        String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("role", role);
        body.put("agency", agency);
        ApiClient.Response created = admin.post("/api/v1/accounts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        ApiClient.Response token = admin.post("/api/v1/accounts/" + id + "/tokens", Map.of("expiresInDays", 1));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        String secret = token.json().get("token").asString();
        return new Account(id, name, token.json().get("id").asString(), secret, new ApiClient(port, secret));
    }

    /** A personal certificate of the agency, issued by the given caller; its serial. */
    static String issue(ApiClient caller, String agency) {
        ApiClient.Response issued = caller.post("/api/v1/certificates", personal(agency));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().get("serial").asString();
    }

    public static Map<String, Object> personal(String agency) {
        Map<String, Object> request = Requests.personal("Nguyễn Thị Ánh", TestCsrs.csrPem(KeyAlgorithm.EC_P256));
        request.put("agency", agency);
        return request;
    }

    static ApiClient.Response delete(ApiClient client, String path) {
        return client.send(client.authorized(path).DELETE().build());
    }
}
