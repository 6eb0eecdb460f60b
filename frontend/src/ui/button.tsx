import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  block?: boolean;
  /** A square button holding only an icon; it needs an `aria-label`. */
  icon?: boolean;
}

export function Button({ variant = 'secondary', block, icon, className, type = 'button', ...rest }: ButtonProps) {
  const classes = ['btn', variant !== 'secondary' && `btn-${variant}`, block && 'btn-block', icon && 'btn-icon', className]
    .filter(Boolean)
    .join(' ');
  return <button type={type} className={classes} {...rest} />;
}
