package org.voicepanel.teamspeak;

import org.pf4j.Plugin;

/**
 * The PF4J entry of the TeamSpeak 3 backup plugin. Everything it offers is the
 * {@link TeamSpeakBackupProvider} extension, which the host creates with its context; the plugin itself
 * holds nothing to start or stop.
 */
public class TeamSpeakPlugin extends Plugin {

    public TeamSpeakPlugin() {
        super();
    }
}
