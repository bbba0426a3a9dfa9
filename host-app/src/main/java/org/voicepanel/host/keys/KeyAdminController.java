package org.voicepanel.host.keys;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.service.ServiceStore;
import org.voicepanel.host.web.Envelope;

/**
 * The admin routes for the keysets (docs/api.md, Keys): their key ids, a rotation (a new primary key in each), and
 * sealing the stored query passwords again with the primary key, after which an older key is no longer needed for
 * them. Key material never leaves the keys folder.
 */
@RestController
class KeyAdminController {

    private final PanelKeysets keysets;
    private final ServiceStore services;

    KeyAdminController(PanelKeysets keysets, ServiceStore services) {
        this.keysets = keysets;
        this.services = services;
    }

    @GetMapping("/admin/keys")
    Envelope list(Caller caller) {
        caller.require(Role.ADMIN);
        return Envelope.data("keys", view(keysets.summary()));
    }

    @PostMapping("/admin/keys/rotate")
    Envelope rotate(Caller caller) {
        caller.require(Role.ADMIN);
        return Envelope.data("keys", view(keysets.rotate()));
    }

    @PostMapping("/admin/keys/reseal")
    Envelope reseal(Caller caller) {
        caller.require(Role.ADMIN);
        int resealed = services.resealQueryPasswords();
        return Envelope.data("query_passwords_resealed", resealed);
    }

    private static Map<String, Object> view(PanelKeysets.Summary summary) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("snapshot_files", Map.of("primary", summary.snapshotFilePrimary(), "ids",
                summary.snapshotFileKeys()));
        view.put("query_passwords", Map.of("primary", summary.queryPasswordPrimary(), "ids",
                summary.queryPasswordKeys()));
        return view;
    }
}
