/** Strings of the shell's on-demand screens (the `?` cheat sheet, Préférences, the time zone picker), loaded with them. */
export const fr = {
  shortcuts: {
    title: 'Raccourcis clavier',
    intro: 'Les touches seules n’agissent pas pendant la saisie dans un champ.',
    general: 'Partout',
    palette: 'Ouvrir ou fermer la palette de commandes',
    cheatSheet: 'Afficher ces raccourcis',
  },
  preferences: {
    intro: 'Enregistrées sur le serveur : elles vous suivent sur tous vos appareils.',
    theme: 'Thème',
    themes: { system: 'Système', light: 'Clair', dark: 'Sombre' },
    language: 'Langue',
    density: 'Densité',
    densities: { comfortable: 'Confortable', compact: 'Compacte' },
    startTab: 'Onglet de démarrage',
    saved: 'Préférences enregistrées.',
    saveFailed: 'Impossible d’enregistrer les préférences.',
  },
  timeZones: {
    search: 'Chercher un fuseau : ville, région…',
    none: 'Aucun fuseau ne correspond à « {{query}} ».',
    regions: {
      Europe: 'Europe',
      Africa: 'Afrique',
      America: 'Amériques',
      Asia: 'Asie',
      Atlantic: 'Atlantique',
      Indian: 'Océan Indien',
      Pacific: 'Pacifique',
      Australia: 'Australie',
      Antarctica: 'Antarctique',
      Arctic: 'Arctique',
      other: 'Autres (UTC…)',
    },
  },
};

export type ShellMessages = typeof fr;
