import type { FeatureDefinition, FeaturePalette } from '../registry.ts';

/** A feature with its palette part (commands, keys) loaded. */
export type PaletteFeature = FeatureDefinition & FeaturePalette;

const loaded = new WeakMap<readonly FeatureDefinition[], Promise<PaletteFeature[]>>();

/**
 * The features with their palette parts, loaded once per feature list: the same promise each
 * time, as React's `use` wants (the palette and the cheat sheet suspend on it).
 */
export function featurePalettes(features: readonly FeatureDefinition[]): Promise<PaletteFeature[]> {
  let palettes = loaded.get(features);
  if (!palettes) {
    palettes = Promise.all(features.map(async (feature) => ({ ...feature, ...(await feature.palette?.()) })));
    loaded.set(features, palettes);
  }
  return palettes;
}
