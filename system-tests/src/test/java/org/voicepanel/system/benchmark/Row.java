package org.voicepanel.system.benchmark;

/**
 * One line of the report: a panel figure next to the baseline of the same run.
 *
 * @param ratio panel divided by baseline, already formatted; "—" when there is no baseline
 * @param met whether the target is met, or null when the row has no target
 */
record Row(String measure, String panel, String baseline, String ratio, String target, Boolean met) {

    static Row timed(String measure, double panelNanos, double baselineNanos, String target, Boolean met) {
        return new Row(measure, Figures.millis(panelNanos), Figures.millis(baselineNanos),
                Figures.ratio(panelNanos / baselineNanos), target, met);
    }

    String verdict() {
        return met == null ? "" : met ? "met" : "**missed**";
    }
}
