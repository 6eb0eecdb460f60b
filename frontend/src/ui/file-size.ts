import { useTranslation } from 'react-i18next';

/** `12 ko`, `3,4 Mo` in French, `12 kB`, `3.4 MB` in English: Intl knows each language's unit abbreviations. */
export function useFileSize() {
  const { i18n } = useTranslation();
  return (bytes: number) => {
    const mb = bytes >= 1024 * 1024;
    const value = mb ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024));
    return new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit: mb ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: 1,
    }).format(value);
  };
}
