/** Makes user text safe to embed in a RegExp: it matches literally. */
export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
