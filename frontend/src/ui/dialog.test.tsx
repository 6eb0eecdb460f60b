import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Dialog } from './dialog.tsx';

function Harness({ onClose }: { onClose: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>open</button>
      {open && (
        <Dialog
          label="Example"
          onClose={() => {
            onClose();
            setOpen(false);
          }}
        >
          <button>first</button>
          <button>last</button>
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it('moves focus inside, traps Tab in both directions and closes on Esc, restoring focus', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<Harness onClose={onClose} />);
    const opener = screen.getByRole('button', { name: 'open' });
    await user.click(opener);

    expect(screen.getByRole('dialog', { name: 'Example' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'first' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'last' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'first' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'last' }));

    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
