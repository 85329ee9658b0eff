package org.cristal.library;

import java.util.Optional;
import org.cristal.story.Asset;
import org.cristal.story.AssetResolver;

/**
 * Resolves a story's image references against the workspace's stored assets, for the renderers.
 * Only stored assets are ever returned: no file system, no network.
 */
public final class WorkspaceAssets implements AssetResolver {
    private final Assets assets;

    public WorkspaceAssets(Assets assets) {
        this.assets = assets;
    }

    @Override
    public Optional<Asset> resolve(String reference) {
        return assets.find(reference).map(StoredAsset::toAsset);
    }
}
