package org.example.exploding;

import org.pf4j.Plugin;

/** A plugin whose start fails, as one with a missing licence file or a bad setting would. */
public final class ExplodingPlugin extends Plugin {

    @Override
    public void start() {
        throw new IllegalStateException("the exploding plugin refuses to start");
    }
}
