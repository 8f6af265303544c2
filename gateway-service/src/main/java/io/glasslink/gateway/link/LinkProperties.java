package io.glasslink.gateway.link;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway reads the link's state ({@code glasslink.gateway.link.*}).
 *
 * @param controlUrl   base URL of the link's monitoring ({@code GET /state}); blank: not followed, paths are {@code unknown}
 * @param pollInterval how often the state is read: the link's probe cadence, so a path change is seen within one more probe
 * @param timeout      a read that takes longer is abandoned (the next one follows at the next interval)
 */
@ConfigurationProperties("glasslink.gateway.link")
public record LinkProperties(String controlUrl, @DefaultValue("300ms") Duration pollInterval,
        @DefaultValue("1s") Duration timeout) {
}
