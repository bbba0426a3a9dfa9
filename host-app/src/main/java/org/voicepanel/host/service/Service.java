package org.voicepanel.host.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voicepanel.api.ConnectionField;
import org.voicepanel.api.VoiceService;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;

/**
 * A customer's service with its voice server. Connection fields are kept as stored: plain ones as
 * text, secret ones sealed until a call needs them.
 *
 * @param fields plain connection fields by name
 * @param sealedSecrets secret connection fields by name, sealed by {@link QueryPasswordCipher}
 */
public record Service(long id, long ownerUserId, String name, String type, String host, int slots,
                      Map<String, String> fields, Map<String, byte[]> sealedSecrets) {

    /** What the owner sees: never a secret, nor a field its provider shows to admins only. */
    public Map<String, Object> view(List<ConnectionField> declared) {
        return view(declared, false);
    }

    /** What an admin sees: every field but the secrets, so the page can edit the connection. */
    public Map<String, Object> adminView(List<ConnectionField> declared) {
        return view(declared, true);
    }

    private Map<String, Object> view(List<ConnectionField> declared, boolean admin) {
        Map<String, Object> voiceserver = new LinkedHashMap<>();
        voiceserver.put("type", type);
        voiceserver.put("host", host);
        Map<String, String> undeclared = new LinkedHashMap<>(fields);
        for (ConnectionField field : declared) {
            String value = undeclared.remove(field.name());
            if (value != null && !field.isSecret() && (admin || !field.isAdminOnly())) {
                voiceserver.put(field.name(), field.kind() == ConnectionField.Kind.INTEGER
                        ? (Object) Long.parseLong(value) : value);
            }
        }
        if (admin) {
            // fields of a type whose plugin is gone: shown as stored, so an admin can see what to fix
            voiceserver.putAll(undeclared);
        }
        voiceserver.put("slots", slots);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("name", name);
        view.put("owner_user_id", ownerUserId);
        view.put("voiceserver", voiceserver);
        return view;
    }

    /** The service as a provider gets it, secrets opened for this call; every required field must be there. */
    public VoiceService toVoiceService(QueryPasswordCipher cipher, List<ConnectionField> declared) {
        VoiceService.Builder builder = VoiceService.builder(id, type).host(host).slots(slots);
        for (ConnectionField field : declared) {
            String plain = fields.get(field.name());
            byte[] sealed = sealedSecrets.get(field.name());
            if (field.isSecret() && sealed != null) {
                builder.secret(field.name(), cipher.open(id, sealed));
            } else if (!field.isSecret() && plain != null) {
                builder.field(field.name(), plain);
            } else if (field.isRequired()) {
                throw new ApiException(ErrorCode.BACKUPS_NOT_SUPPORTED, "Service " + id + " lacks the connection field "
                        + field.name() + " its " + type + " voice server needs; an admin must add it to the service.");
            }
        }
        return builder.build();
    }

    /** Leaves the sealed secrets out. */
    @Override
    public String toString() {
        return "Service[id=" + id + ", type=" + type + ", host=" + host + ", fields=" + fields + "]";
    }
}
