import type { FeaturePalette } from '../../app/registry.ts';

/** The palette's commands and the cheat sheet's keys of this tab: loaded by those two only. */
export const palette: FeaturePalette = {
  commands: [
    {
      id: 'files.upload',
      title: 'files.upload',
      icon: 'upload',
      keywords: ['file', 'fichier', 'upload', 'televerser', 'envoyer'],
      perform: ({ navigate }) => navigate('/files?upload'),
    },
  ],
  shortcuts: [
    { keys: 'c', title: 'files.upload' },
    { keys: 'e', title: 'files.rename' },
  ],
};
