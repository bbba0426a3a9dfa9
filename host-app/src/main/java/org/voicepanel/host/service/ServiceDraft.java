package org.voicepanel.host.service;

/** A service's owner, name and connection data, as checked from an admin's request ({@link ServiceRequest}). */
public record ServiceDraft(long ownerUserId, String name, String type, String host, int queryPort,
                           String queryUsername, String queryPassword, int virtualServerId, int slots) {
}
