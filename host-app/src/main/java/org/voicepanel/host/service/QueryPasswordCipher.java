package org.voicepanel.host.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.voicepanel.host.keys.PanelKeysets;

/**
 * Encrypts voice-server query passwords at rest with Tink's AEAD and the query-password keyset: each value carries
 * the id of the key that sealed it, so values sealed before a rotation still open. The password is bound to its
 * service id (associated data), so a sealed value copied to another row does not open. Thread-safe.
 */
public final class QueryPasswordCipher {

    private final PanelKeysets keysets;

    public QueryPasswordCipher(PanelKeysets keysets) {
        this.keysets = keysets;
    }

    public byte[] seal(long serviceId, String password) {
        try {
            return keysets.queryPasswords().encrypt(password.getBytes(StandardCharsets.UTF_8), aad(serviceId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Query password encryption failed", e);
        }
    }

    public String open(long serviceId, byte[] sealed) {
        try {
            return new String(keysets.queryPasswords().decrypt(sealed, aad(serviceId)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored query password of service " + serviceId
                    + " cannot be decrypted; is panel.keys-dir the folder it was sealed with?");
        }
    }

    private static byte[] aad(long serviceId) {
        return ByteBuffer.allocate(Long.BYTES).putLong(serviceId).array();
    }
}
