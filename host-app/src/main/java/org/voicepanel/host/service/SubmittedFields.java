package org.voicepanel.host.service;

import java.util.Map;
import java.util.Set;

/**
 * A service's connection fields as an admin submitted them, already checked.
 *
 * @param plain the values of the fields that are not secret
 * @param secrets the secret values submitted (in the clear until stored)
 * @param keptSecrets secret fields left out of an edit, which keep their stored value
 * @param requiredSecrets secret fields the service must end up with
 */
public record SubmittedFields(Map<String, String> plain, Map<String, String> secrets, Set<String> keptSecrets,
                              Set<String> requiredSecrets) {

    /** Leaves the secrets out. */
    @Override
    public String toString() {
        return "SubmittedFields[plain=" + plain + ", secrets=" + secrets.keySet() + "]";
    }
}
