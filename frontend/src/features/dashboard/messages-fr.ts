/** Strings of the Accueil tab (the dashboard), loaded with its page. */
export const fr = {
  greeting: 'Bonjour, {{name}}',
  today: 'Nous sommes le {{date}}.',
  paletteTip: 'Appuyez sur {{keys}} pour la palette de commandes ; G puis une lettre ouvre un onglet (G T : Tâches).',
  counts: 'Tâches par statut',
  overdue: 'En retard',
  dueSoon: 'Échéance dans les 3 jours',
  noOverdue: 'Aucune tâche en retard.',
  noDueSoon: 'Rien à rendre dans les 3 jours.',
  recentNotes: 'Notes récentes',
  noNotes: 'Aucune note pour l’instant.',
  portfolio: 'Portefeuille de projets',
  noProjects: 'Aucun projet actif.',
  progress: '{{percent}} % terminé',
  projectCounts: '{{open}} ouvertes · {{done}} terminées · {{overdue}} en retard · {{dueSoon}} bientôt',
  healthScore: 'Score de santé : {{score}} / 100',
  lastActivity: 'Dernière activité : {{date}}',
  activity: 'Activité récente',
  window: 'Période',
  windows: { '24h': '24 h', '7d': '7 jours' },
  noActivity: 'Aucune activité sur la période.',
  kinds: { 'project.created': 'Projet créé', 'task.done': 'Tâche terminée', 'note.created': 'Note écrite' },
  dueOn: 'pour le {{date}}',
  updatedOn: 'modifiée le {{date}}',
};

export type DashboardMessages = typeof fr;
