import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart } from './bar-chart.tsx';

describe('BarChart', () => {
  it('names each bar with its label and value, and sizes bars by value', () => {
    render(
      <BarChart
        label="Par mois"
        bars={[
          { key: 'a', label: 'oct.', value: 100, name: 'oct. : 1,00 €' },
          { key: 'b', label: 'nov.', value: 300, name: 'nov. : 3,00 €' },
          { key: 'c', label: 'déc.', value: -100, name: 'déc. : -1,00 €' },
        ]}
      />,
    );
    const chart = screen.getByRole('list', { name: 'Par mois' });
    const items = within(chart).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual(['oct. : 1,00 €', 'nov. : 3,00 €', 'déc. : -1,00 €']);
    const heights = items.map((item) => Number(item.querySelector('rect')!.getAttribute('height')));
    expect(heights[1]).toBeCloseTo(heights[0]! * 3);
    expect(heights[2]).toBeCloseTo(heights[0]!);
    expect(items[2]!.querySelector('rect')!.getAttribute('class')).toContain('bar-negative');
  });
});
