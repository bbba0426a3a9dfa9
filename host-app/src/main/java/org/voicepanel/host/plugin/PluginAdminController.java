package org.voicepanel.host.plugin;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.web.Envelope;

/**
 * {@code GET /admin/plugins}: every plugin found, and why a failed one is not serving;
 * {@code GET /admin/voiceserver-types}: the types served and the connection fields each needs.
 */
@RestController
class PluginAdminController {

    private final PluginLoading loading;

    PluginAdminController(PluginLoading loading) {
        this.loading = loading;
    }

    @GetMapping("/admin/plugins")
    Envelope plugins(Caller caller) {
        caller.require(Role.ADMIN);
        return Envelope.data("plugins", loading.reports().stream().map(PluginReport::view).toList());
    }

    @GetMapping("/admin/voiceserver-types")
    Envelope voiceServerTypes(Caller caller) {
        caller.require(Role.ADMIN);
        return Envelope.data("types", VoiceServerTypeView.all(loading.registry()));
    }
}
