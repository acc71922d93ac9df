import type { SiteKind } from '@kangyang/contracts/meals';

export type Shape = 'square' | 'circle' | 'triangle' | 'diamond';

/** Facility kinds by group: a shape per group and a colour per kind, so no kind relies on colour alone. */
export const SITE_STYLE: Readonly<Record<SiteKind, { shape: Shape; color: string }>> = {
  institution: { shape: 'square', color: '#7a1fa2' },
  regionalCentre: { shape: 'circle', color: '#0b57d0' },
  streetCentre: { shape: 'circle', color: '#1677b3' },
  communityCentre: { shape: 'circle', color: '#0f8a8a' },
  dayCareCentre: { shape: 'circle', color: '#2f7d12' },
  station: { shape: 'triangle', color: '#a35200' },
  canteen: { shape: 'diamond', color: '#c41d1d' },
  mealPoint: { shape: 'diamond', color: '#d4380d' },
  centralKitchen: { shape: 'diamond', color: '#8c1d1d' },
};

/** Elder density, five steps from light to dark (readable in greyscale too). */
export const DENSITY_COLOURS = ['#fde8d7', '#fbb98c', '#f3824a', '#d4501c', '#8f2a06'] as const;
/** Share of located elders within the 15-minute circle, five steps (red … green plus a number label). */
export const COVERAGE_COLOURS = ['#f4c7c3', '#f8dcb0', '#fdf1b8', '#cfe8b6', '#8ccf7e'] as const;

/** An SVG path of the symbol centred at (x, y) with radius r. */
export function symbolPath(shape: Shape, x: number, y: number, r: number): string {
  if (shape === 'square') return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
  if (shape === 'triangle') return `M${x},${y - r * 1.2}L${x + r * 1.1},${y + r * 0.8}L${x - r * 1.1},${y + r * 0.8}Z`;
  if (shape === 'diamond') return `M${x},${y - r * 1.3}L${x + r * 1.1},${y}L${x},${y + r * 1.3}L${x - r * 1.1},${y}Z`;
  return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
}
