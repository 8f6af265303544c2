package io.glasslink.supplychain.web;

import java.util.List;
import java.util.UUID;

import io.glasslink.supplychain.Api.Answer;
import io.glasslink.supplychain.ApiTestSupport;
import io.glasslink.supplychain.RawHttp;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input rules of docs/contracts.md on the on-prem API: strict types, required fields, unknown
 * properties, control and invisible characters, lengths and bounds, then the business rules — each
 * refused with a problem naming the field, and nothing written (no hold, no idempotency key, no
 * outbox event, stock unchanged).
 */
@SupplyChainIntegrationTest
class StrictInputTests extends ApiTestSupport {

    static final String HOLDS = "/api/v1/holds";
    static final String CENTRE = "C061";

    String part;

    @BeforeEach
    void partInStock() {
        part = data.newPart(null);
        data.stock(part, CENTRE, 5);
    }

    /** A valid hold request with {@code member} (a JSON member, or "-name" to leave one out) changed. */
    String hold(String member) {
        String reference = "\"bookingReference\":\"BK-" + UUID.randomUUID() + "\"";
        String partNumber = "\"partNumber\":\"" + part + "\"";
        String quantity = "\"quantity\":1";
        String centre = "\"centreId\":\"" + CENTRE + "\"";
        String ttl = "\"ttlSeconds\":900";
        List<String> members = new java.util.ArrayList<>(List.of(reference, partNumber, quantity, centre, ttl));
        if (member.startsWith("-")) {
            members.removeIf(m -> m.startsWith("\"" + member.substring(1) + "\""));
        } else {
            String name = member.substring(0, member.indexOf(':'));
            if (!members.removeIf(m -> m.startsWith(name + ":"))) {
                members.add(member);
            } else {
                members.add(member);
            }
        }
        return "{" + String.join(",", members) + "}";
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // types are strict
            "\"quantity\":\"1\"                       | quantity",
            "\"quantity\":1.0                         | quantity",
            "\"quantity\":1.5                         | quantity",
            "\"quantity\":true                        | quantity",
            "\"quantity\":99999999999                 | quantity",
            "\"quantity\":[1]                         | quantity",
            "\"bookingReference\":12345               | bookingReference",
            "\"bookingReference\":false               | bookingReference",
            "\"bookingReference\":{\"id\":\"BK-1\"}     | bookingReference",
            "\"centreId\":61                          | centreId",
            "\"ttlSeconds\":\"900\"                   | ttlSeconds",
            // null or missing for a required field
            "\"quantity\":null                        | quantity",
            "-quantity                                | quantity",
            "\"bookingReference\":null                | bookingReference",
            "-bookingReference                        | bookingReference",
            "-partNumber                              | partNumber",
            "-centreId                                | centreId",
            // unknown properties
            "\"calibraton\":true                      | calibraton",
            // control characters, NUL included, and invisible-only text
            "\"bookingReference\":\"BK-1\\u0000\"       | bookingReference",
            "\"bookingReference\":\"BK-\\u001b[2J\"     | bookingReference",
            "\"partNumber\":\"1234\\u0085AB\"           | partNumber",
            "\"bookingReference\":\"\\u200b\\u200b\"    | bookingReference",
            "\"bookingReference\":\"\\u00a0 \\t\"       | bookingReference",
            // lengths, shapes and bounds
            "\"bookingReference\":\"BK-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\" | bookingReference",
            "\"bookingReference\":\"BK 1\"            | bookingReference",
            "\"centreId\":\"c061\"                    | centreId",
            "\"quantity\":0                           | quantity",
            "\"quantity\":51                          | quantity",
            "\"ttlSeconds\":29                        | ttlSeconds",
            "\"ttlSeconds\":86401                     | ttlSeconds"})
    void holdRequestBreakingAnInputRuleIsRefusedNamingTheFieldAndWritesNothing(String member, String field) {
        Written before = written();

        Answer a = api.post(HOLDS, hold(member.trim()));

        a.problem(400, field.trim());
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void malformedDocumentsAreRefusedAndWriteNothing() {
        Written before = written();
        String valid = hold("\"quantity\":1");
        List<String> bodies = List.of("", "null", "[]", "\"hold\"", valid + " {}", valid.replace("\"quantity\":1",
                "\"quantity\":1,\"quantity\":50"), valid.substring(0, valid.length() - 1));

        for (String body : bodies) {
            api.post(HOLDS, body).problem(400);
        }
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void unknownPartOrCentreIsUnprocessableBeforeAnythingIsWritten() {
        Written before = written();

        Answer unknownPart = api.post(HOLDS, hold("\"partNumber\":\"9999NOPART\""));
        Answer unknownCentre = api.post(HOLDS, hold("\"centreId\":\"C999\""));

        unknownPart.problem(422, "partNumber");
        unknownCentre.problem(422, "centreId");
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void textIsTrimmedOfWhiteSpaceAndInvisibleCharacters() {
        String reference = "BK-" + UUID.randomUUID();

        Answer a = api.post(HOLDS, hold("\"bookingReference\":\" \\u200b" + reference + "\\u00a0 \""));

        assertThat(a.status()).isEqualTo(201);
        assertThat(a.text("/bookingReference")).isEqualTo(reference);
        assertThat(api.getEncoded(HOLDS + "?bookingReference=%20" + reference + "%E2%80%8B").body().size()).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyWithAControlCharacterIsRefusedAndWritesNothing() {
        Written before = written();
        String body = hold("\"quantity\":1");

        RawHttp.Answer a = RawHttp.send(port, "POST " + HOLDS + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Glasslink-Identity: " + api.token() + "\r\nIdempotency-Key: key-\u0085\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

        a.problem(400);
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void queryParametersFollowTheSameRules() {
        api.getEncoded(HOLDS + "?bookingReference=BK-1%00").problem(400, "bookingReference");
        api.getEncoded(HOLDS + "?bookingReference=%E2%80%8B").problem(400, "bookingReference");
        api.getEncoded("/api/v1/availability?partNumber=" + part + "%0A&centreId=" + CENTRE).problem(400, "partNumber");
        api.getEncoded("/api/v1/availability?partNumber=" + part + "&quantity=1.5&centreId=" + CENTRE).problem(400, "quantity");
        api.getEncoded("/api/v1/availability?partNumber=" + part + "&quantity=true&centreId=" + CENTRE).problem(400, "quantity");
        api.getEncoded("/api/v1/parts/1234%00AB").problem(400);
        api.getEncoded("/api/v1/parts?make=Renault&model=Clio&year=2020&glassType=0").problem(400, "glassType");
        api.getEncoded("/api/v1/vehicles/models?make=" + "x".repeat(61)).problem(400, "make");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"partNumber\":\"P\",\"centreIds\":\"C001\"}                     | centreIds",
            "{\"partNumber\":\"P\",\"centreIds\":[1]}                          | centreIds[0]",
            "{\"partNumber\":\"P\",\"centreIds\":[\"C001\",null]}              | centreIds[1]",
            "{\"partNumber\":\"P\",\"quantity\":\"2\",\"centreIds\":[\"C001\"]} | quantity",
            "{\"partNumber\":\"P\",\"centreIds\":[\"C001\"],\"mode\":\"HOME\"}  | mode",
            "{\"partNumber\":7,\"centreIds\":[\"C001\"]}                       | partNumber",
            "{\"centreIds\":[\"C001\"]}                                        | partNumber",
            "{\"partNumber\":\"P\",\"centreIds\":[]}                           | centreIds"})
    void batchRequestBreakingAnInputRuleIsRefusedNamingTheField(String body, String field) {
        api.post("/api/v1/availability/batch", body.trim().replace("\"P\"", "\"" + part + "\"")).problem(400, field.trim());
    }

    @Test
    void batchNamingAnUnknownCentreIsUnprocessableNamingItsPosition() {
        api.post("/api/v1/availability/batch", "{\"partNumber\":\"" + part + "\",\"centreIds\":[\"C001\",\"C999\"]}")
                .problem(422, "centreIds[1]");
    }

    /** What a refused request must leave as it was. */
    record Written(long holds, long keys, long events, List<Integer> stock) {
    }

    Written written() {
        return new Written(count("part_holds"), count("idempotency_keys"), count("event_publication"),
                java.util.Arrays.stream(data.level(part, CENTRE)).boxed().toList());
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
