import { addNamespace } from '../i18n/namespaces.ts';
import { en } from './mention-messages-en.ts';
import { fr } from './mention-messages-fr.ts';

addNamespace('mentions', { fr, en });
