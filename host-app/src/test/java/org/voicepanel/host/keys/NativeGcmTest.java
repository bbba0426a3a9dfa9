package org.voicepanel.host.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NativeGcmTest {

    private static final SecretKeySpec KEY = new SecretKeySpec(random(32), "AES");

    @BeforeAll
    static void install() {
        assertThat(NativeGcm.install()).as("Conscrypt loads on the panel's platform (Linux x86-64)").isTrue();
    }

    @Test
    void theCipherTinkAsksForComesFromConscryptAndNothingElseDoes() throws Exception {
        assertThat(Cipher.getInstance(NativeGcm.CIPHER).getProvider().getName()).isEqualTo(NativeGcm.NAME);
        assertThat(Cipher.getInstance("AES/CBC/PKCS5Padding").getProvider().getName()).isEqualTo("SunJCE");
        assertThat(javax.net.ssl.SSLContext.getDefault().getProvider().getName()).isEqualTo("SunJSSE");
        assertThat(NativeGcm.install()).isTrue(); // once per process
    }

    @Test
    void whatOneSealsTheOtherOpensAndATamperedSealIsRefused() throws Exception {
        byte[] plain = random(3 * 1024 * 1024 + 5);
        byte[] iv = random(12);
        byte[] aad = {1, 2, 3};

        byte[] byJdk = seal(Cipher.getInstance(NativeGcm.CIPHER, "SunJCE"), iv, aad, plain);
        byte[] byNative = seal(Cipher.getInstance(NativeGcm.CIPHER), iv, aad, plain);
        assertThat(byNative).isEqualTo(byJdk);
        assertThat(open(Cipher.getInstance(NativeGcm.CIPHER), iv, aad, byJdk)).isEqualTo(plain);
        assertThat(open(Cipher.getInstance(NativeGcm.CIPHER, "SunJCE"), iv, aad, byNative)).isEqualTo(plain);

        byte[] tampered = Arrays.copyOf(byNative, byNative.length);
        tampered[1000] ^= 1;
        assertThatThrownBy(() -> open(Cipher.getInstance(NativeGcm.CIPHER), iv, aad, tampered))
                .isInstanceOf(AEADBadTagException.class);
    }

    private static byte[] seal(Cipher cipher, byte[] iv, byte[] aad, byte[] plain) throws Exception {
        cipher.init(Cipher.ENCRYPT_MODE, KEY, new GCMParameterSpec(128, iv));
        cipher.updateAAD(aad);
        return cipher.doFinal(plain);
    }

    private static byte[] open(Cipher cipher, byte[] iv, byte[] aad, byte[] sealed) throws Exception {
        cipher.init(Cipher.DECRYPT_MODE, KEY, new GCMParameterSpec(128, iv));
        cipher.updateAAD(aad);
        return cipher.doFinal(sealed);
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
