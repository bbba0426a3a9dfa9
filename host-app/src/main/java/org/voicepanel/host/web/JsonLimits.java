package org.voicepanel.host.web;

import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.voicepanel.host.ResourceLimits;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The panel's JSON mapper reads nothing larger than a request body may be, and nothing nested deeper
 * than the contract's bodies ever are: a second bound behind {@link RequestBodyFilter}. Boot's
 * mapper builder, with the same customizers, on a factory with these constraints (Jackson fixes the
 * factory when the builder is made).
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {

    static final int MAX_NESTING = 32;
    static final int MAX_NAME_LENGTH = 256;

    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers, ResourceLimits limits) {
        int bodyMax = (int) Math.min(Integer.MAX_VALUE, limits.bodyMaxBytes());
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(limits.bodyMaxBytes())
                        .maxStringLength(bodyMax)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxNestingDepth(MAX_NESTING)
                        .build())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
