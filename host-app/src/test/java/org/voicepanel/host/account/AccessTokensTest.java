package org.voicepanel.host.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How presented tokens are compared. A token is never compared with a stored secret character by
 * character: it is hashed (SHA-256), the row is found by that hash through the database's unique
 * index, and the found hash is compared again with {@link java.security.MessageDigest#isEqual},
 * whose time does not depend on where two values differ. A timing measurement over HTTP would be
 * drowned in network and scheduling noise, so the property is held by design and checked here.
 */
class AccessTokensTest {

    @Test
    void sameHashIsTrueOnlyForEqualHashes() {
        String hash = AccessTokens.hash("vp_token");

        assertThat(AccessTokens.sameHash(hash, AccessTokens.hash("vp_token"))).isTrue();
        assertThat(AccessTokens.sameHash(hash, AccessTokens.hash("vp_tokeN"))).isFalse();
    }

    @Test
    void sameHashRefusesAHashDifferingAnywhereOrOfAnotherLength() {
        String hash = AccessTokens.hash("vp_token");
        String firstDiffers = (hash.charAt(0) == 'a' ? 'b' : 'a') + hash.substring(1);
        String lastDiffers = hash.substring(0, 63) + (hash.charAt(63) == 'a' ? 'b' : 'a');

        assertThat(AccessTokens.sameHash(hash, firstDiffers)).isFalse();
        assertThat(AccessTokens.sameHash(hash, lastDiffers)).isFalse();
        assertThat(AccessTokens.sameHash(hash, hash.substring(0, 32))).isFalse();
        assertThat(AccessTokens.sameHash(hash, "")).isFalse();
    }

    @Test
    void hashIsSha256HexAndNeverTheTokenItself() {
        String token = AccessTokens.generate();
        String hash = AccessTokens.hash(token);

        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}").doesNotContain(token);
        assertThat(AccessTokens.hash(token)).isEqualTo(hash);
    }

    @Test
    void generatedTokensCarry256RandomBits() {
        String token = AccessTokens.generate();

        assertThat(token).startsWith("vp_").hasSize(3 + 43);
        assertThat(AccessTokens.generate()).isNotEqualTo(token);
    }
}
