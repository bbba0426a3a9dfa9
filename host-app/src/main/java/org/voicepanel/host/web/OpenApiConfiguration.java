package org.voicepanel.host.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.voicepanel.host.account.Caller;

/**
 * The OpenAPI document ({@code GET /v3/api-docs}), generated from the controllers. docs/api.md stays the contract
 * in words; a test keeps the two route lists equal. The caller is resolved from the token or the login, never
 * from the request's parameters, so it is no parameter of the document.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI panelApi() {
        return new OpenAPI().info(new Info().title("Voice Panel").version("1.0.0")
                .description("Backups of voice servers; the contract in words is docs/api.md."));
    }
}
