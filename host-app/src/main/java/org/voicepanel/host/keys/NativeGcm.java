package org.voicepanel.host.keys;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;
import org.conscrypt.Conscrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES-GCM from Conscrypt (BoringSSL), put before the JDK's own for this one cipher, which Tink asks the JDK for.
 * On Java 17 the JDK's AES-GCM ran at about 90 MB/s on the panel's machines (its GHASH and counter loops ran as
 * Java code), BoringSSL's at gigabytes a second: sealing was most of a snapshot's cost per megabyte on create and
 * restore (docs/benchmarks.md). Only the cipher is taken, so TLS, hashes and random numbers stay the JDK's. The format
 * is AES-GCM either way: what one sealed, the other opens. Where Conscrypt has no native library for the platform,
 * the JDK's cipher stays.
 */
final class NativeGcm extends Provider {

    private static final Logger log = LoggerFactory.getLogger(NativeGcm.class);
    static final String NAME = "VoicePanelNativeGcm";
    static final String CIPHER = "AES/GCM/NoPadding";

    private NativeGcm(Provider.Service gcm) {
        super(NAME, "1.0", "AES-GCM of Conscrypt (BoringSSL)");
        putService(new Delegate(this, gcm));
    }

    /**
     * Installs it on a thread of its own: loading Conscrypt copies its native library out of its signed jar, and
     * verifying that copy took over a second of the panel's start on two cores. Nothing needs the cipher before the
     * first snapshot; until it is in, the JDK's seals and opens the same format.
     */
    static void installInBackground() {
        Thread loader = new Thread(NativeGcm::install, "native-gcm-loader");
        loader.setDaemon(true);
        loader.start();
    }

    /** Puts the cipher first, once per process; whether it is in use. */
    static synchronized boolean install() {
        if (Security.getProvider(NAME) != null) {
            return true;
        }
        try {
            if (!Conscrypt.isAvailable()) {
                log.info("Conscrypt has no native library for this platform; snapshots are sealed by the JDK's AES-GCM");
                return false;
            }
            Provider.Service gcm = Conscrypt.newProvider().getService("Cipher", CIPHER);
            if (gcm == null) {
                return false;
            }
            Security.insertProviderAt(new NativeGcm(gcm), 1);
            return true;
        } catch (RuntimeException | LinkageError e) {
            log.info("Conscrypt could not be loaded ({}); snapshots are sealed by the JDK's AES-GCM", e.toString());
            return false;
        }
    }

    /** Conscrypt's service, offered under this provider. */
    private static final class Delegate extends Provider.Service {

        private final Provider.Service target;

        Delegate(Provider provider, Provider.Service target) {
            super(provider, target.getType(), target.getAlgorithm(), target.getClassName(), List.of(), Map.of());
            this.target = target;
        }

        @Override
        public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
            return target.newInstance(constructorParameter);
        }

        @Override
        public boolean supportsParameter(Object parameter) {
            return target.supportsParameter(parameter);
        }
    }
}
