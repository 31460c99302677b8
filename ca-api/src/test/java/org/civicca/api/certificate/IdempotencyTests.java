package org.civicca.api.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.civicca.api.ApiClient;
import org.civicca.api.Requests;
import org.civicca.api.ServiceTest;
import org.civicca.api.TestCsrs;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A requestId makes issuance happen at most once, however many times and however concurrently it is asked for. */
class IdempotencyTests extends ServiceTest {

    private static final int CLIENTS = 16;

    @Test
    void sixteenConcurrentTwinsGetOneCertificate() throws Exception {
        Map<String, Object> request = Requests.personal("Nguyễn Thị Ánh", TestCsrs.csrPem(KeyAlgorithm.EC_P256));
        request.put("requestId", "IDEM-" + UUID.randomUUID());
        String body = ApiClient.JSON.writeValueAsString(request);
        String email = email(request);

        List<ApiClient.Response> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return api.postRaw("/api/v1/certificates", body, "application/json");
                }));
            }
            start.countDown();
            for (Future<ApiClient.Response> call : calls) {
                responses.add(call.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isIn(200, 201));
        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).extracting(response -> response.json().get("serial").asString()).containsOnly(
                responses.get(0).json().get("serial").asString());
        JsonNode listed = api.get("/api/v1/certificates?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).json();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("serial").asString()).isEqualTo(responses.get(0).json().get("serial").asString());
    }

    @Test
    void aRetryWithTheSameRequestIdAndAReencodedCsrIsTheSameRequest() {
        Map<String, Object> request = Requests.personal("Trần Văn Bình", TestCsrs.csrPem(KeyAlgorithm.EC_P256));
        request.put("requestId", "IDEM-" + UUID.randomUUID());
        ApiClient.Response first = api.post("/api/v1/certificates", request);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        String pem = (String) request.get("csr");
        request.put("csr", pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        ApiClient.Response retry = api.post("/api/v1/certificates", request);

        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().get("serial").asString()).isEqualTo(first.json().get("serial").asString());
    }

    @Test
    void withoutARequestIdTheSameBodyTwiceMakesTwoCertificates() {
        Map<String, Object> request = Requests.personal("Lê Văn Cường", TestCsrs.csrPem(KeyAlgorithm.EC_P256));

        ApiClient.Response first = api.post("/api/v1/certificates", request);
        ApiClient.Response second = api.post("/api/v1/certificates", request);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().get("serial").asString()).isNotEqualTo(first.json().get("serial").asString());
        JsonNode listed = api.get("/api/v1/certificates?q=" + URLEncoder.encode(email(request), StandardCharsets.UTF_8)).json();
        assertThat(listed.get("total").asLong()).isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private static String email(Map<String, Object> request) {
        return (String) ((Map<String, Object>) request.get("subject")).get("email");
    }
}
