package org.voicepanel.host.backup.catalog;

import org.springframework.stereotype.Component;
import tools.jackson.databind.module.SimpleModule;

/** Teaches the panel's JSON mapper the list shape of a catalogued snapshot; Spring Boot registers it. */
@Component
class CatalogJsonModule extends SimpleModule {

    CatalogJsonModule() {
        super("catalog-json");
        addSerializer(SnapshotListing.ListedSnapshot.class, new ListedSnapshotSerializer());
    }
}
