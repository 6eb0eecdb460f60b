import { useTranslation } from 'react-i18next';

/** Colour labels readable on both themes; a project may also have none. */
export const projectColors = ['#1f5fd1', '#2a9d8f', '#3f9142', '#c9a227', '#e07a1f', '#c42b2b', '#b5338a', '#6b4fbb'] as const;

interface ColorChoiceProps {
  value: string | null;
  onChange: (color: string | null) => void;
}

/** Colour swatches as radio buttons: arrow keys move between them, as native radios do. */
export function ColorChoice({ value, onChange }: ColorChoiceProps) {
  const { t } = useTranslation('projects');
  const options = [null, ...projectColors];
  return (
    <fieldset className="field color-choice">
      <legend className="field-label">{t('color')}</legend>
      <div className="swatches">
        {options.map((color) => (
          <label key={color ?? 'none'} className="swatch" title={color ?? t('noColor')}>
            <input
              type="radio"
              name="project-color"
              checked={value === color}
              onChange={() => onChange(color)}
              aria-label={color ?? t('noColor')}
            />
            <span style={{ background: color ?? 'transparent' }} data-empty={!color} />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
