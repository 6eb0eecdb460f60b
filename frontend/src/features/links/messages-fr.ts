/** Strings of the Liens tab and of the links on a project page, loaded with them (i18n/namespaces.ts). */
export const fr = {
  name: 'Nom',
  url: 'Adresse',
  add: 'Ajouter',
  empty: 'Aucun lien enregistré. Ajoutez le premier ci-dessus.',
  created: 'Lien ajouté.',
  deleted: 'Lien supprimé.',
  deleteLabel: 'Supprimer {{name}}',
  clicks_one: '{{count}} clic',
  clicks_other: '{{count}} clics',
  addedOn: 'Ajouté le {{date}}',
  projectFilter: 'Projet',
  allProjects: 'Tous',
  noProject: 'Sans projet',
  emptyFiltered: 'Aucun lien pour ce filtre.',
  edit: 'Modifier',
  editLabel: 'Modifier {{name}}',
  save: 'Enregistrer',
  saved: 'Lien enregistré.',
  editHint: 'Ctrl+Entrée pour enregistrer, Échap pour annuler.',
};

export type LinksMessages = typeof fr;
