package io.glasslink.supplychain.events.messaging;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How events are written into the outbox (the event publication registry): JSON with the
 * application's {@link JsonMapper}, as Spring Modulith's own Jackson serializer does, but with the
 * mapper looked up once instead of in the bean factory for every event stored (a fifth of the cost
 * of storing a publication, measured under load).
 */
@Configuration(proxyBeanMethods = false)
class OutboxSerialization {

    @Bean
    EventSerializer eventSerializer(ObjectProvider<JsonMapper> mappers) {
        JsonMapper mapper = mappers.getIfAvailable(
                () -> JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build());
        return new EventSerializer() {
            @Override
            public Object serialize(Object event) {
                return mapper.writeValueAsString(event);
            }

            @Override
            public <T> T deserialize(Object serialized, Class<T> type) {
                return mapper.readerFor(type).readValue(serialized.toString());
            }
        };
    }
}
