package org.voicepanel.api.testing;

import org.voicepanel.api.VoiceService;

/**
 * What a provider's test lets the contract see of a voice server, to check that a restore really
 * brings back what a snapshot holds.
 */
public interface VoiceServerProbe {

    /**
     * What the voice server holds that a snapshot keeps (settings, channels, ...), in a form that
     * compares equal exactly when that content is the same; ids the server renumbers left out.
     */
    Object content(VoiceService service);

    /** Changes that content on the voice server, as a user of it could. */
    void change(VoiceService service);
}
