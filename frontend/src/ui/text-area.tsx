import { useId } from 'react';
import type { ComponentPropsWithRef } from 'react';

/** A labelled multi-line text field (descriptions, Markdown notes). */
export function TextArea({ label, id, className, ...rest }: ComponentPropsWithRef<'textarea'> & { label: string }) {
  const generated = useId();
  const areaId = id ?? generated;
  return (
    <div className="field">
      <label className="field-label" htmlFor={areaId}>
        {label}
      </label>
      <textarea id={areaId} className={['input', 'textarea', className].filter(Boolean).join(' ')} {...rest} />
    </div>
  );
}
