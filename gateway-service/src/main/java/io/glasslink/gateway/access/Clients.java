package io.glasslink.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The configured clients, found by API key (compared by SHA-256 hash) or by partner id. */
@Component
public class Clients {

    private final Map<String, Caller> byKeyHash = new HashMap<>();
    private final Map<String, Caller> partners = new HashMap<>();

    public Clients(AccessProperties properties) {
        properties.clients().forEach((id, client) -> {
            Caller caller = new Caller(id, client.kind(), client.kind() == ClientKind.PARTNER ? id : null);
            if (client.keySha256() != null && !client.keySha256().isBlank()) {
                byKeyHash.put(client.keySha256().trim().toLowerCase(Locale.ROOT), caller);
            }
            if (client.kind() == ClientKind.PARTNER) {
                partners.put(id, caller);
            }
        });
    }

    /** The client whose API key is {@code apiKey}. */
    public Optional<Caller> byApiKey(String apiKey) {
        return Optional.ofNullable(byKeyHash.get(sha256Hex(apiKey)));
    }

    /** The configured partner with id {@code partnerId}. */
    public Optional<Caller> partner(String partnerId) {
        return Optional.ofNullable(partnerId).map(partners::get);
    }

    /** Lower-case hex SHA-256 of a key, the form in which keys are configured. */
    public static String sha256Hex(String key) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static final HexFormat HEX = HexFormat.of();
}
