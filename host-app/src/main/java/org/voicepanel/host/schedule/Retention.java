package org.voicepanel.host.schedule;

import org.voicepanel.host.web.ApiException;

/**
 * Which scheduled snapshots rotation keeps: the newest {@code keep}, and on top (grandfather-father-son) the newest
 * of each of the last {@code daily} days, {@code weekly} weeks and {@code monthly} months (docs/backups.md).
 */
public record Retention(int keep, int daily, int weekly, int monthly) {

    public static final Retention DEFAULT = new Retention(7, 0, 0, 0);
    public static final int MAX = 1000;

    public Retention {
        if (keep < 1 || keep > MAX) {
            throw ApiException.badRequest("retention.keep must be between 1 and " + MAX + ".");
        }
        for (int period : new int[] {daily, weekly, monthly}) {
            if (period < 0 || period > MAX) {
                throw ApiException.badRequest("retention.daily, .weekly and .monthly must be between 0 and " + MAX + ".");
            }
        }
    }
}
