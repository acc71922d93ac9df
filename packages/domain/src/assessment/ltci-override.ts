import { err, ok } from '../result/index.ts';
import type { Result } from '../result/index.ts';
import { reachableTotals } from './domain-totals.ts';
import { LTCI_2021 } from './ltci-2021.ts';
import { LTCI_DOMAINS, LTCI_GRADES, LTCI_LEVELS } from './types.ts';
import type { LtciConfiguration, LtciGrade, LtciLevel, MatrixInstrument } from './types.ts';

/** A region's full LTC 2021 override as read from its profile, before these checks. */
export type LtciOverrideInput = {
  readonly id: string;
  readonly bands: Readonly<
    Record<string, readonly { readonly grade: string; readonly min: number; readonly max: number }[]>
  >;
  readonly matrix: Readonly<Record<string, Readonly<Record<string, string>>>>;
};

export type LtciOverrideIssueCode =
  | 'LTCI_DOMAIN_UNKNOWN'
  | 'LTCI_BANDS_MISSING'
  | 'LTCI_BAND_INVALID'
  | 'LTCI_BAND_OVERLAP'
  | 'LTCI_BAND_GAP'
  | 'LTCI_MATRIX_CELL_INVALID'
  | 'LTCI_MATRIX_NOT_MONOTONE';

export type LtciOverrideIssue = {
  readonly code: LtciOverrideIssueCode;
  readonly path: string;
  readonly detail: string;
};

export type LtciOverrideChecked = {
  readonly configuration: LtciConfiguration;
  /** Not errors: a non-monotone matrix is allowed but flagged (§7). */
  readonly warnings: readonly LtciOverrideIssue[];
};

const isGrade = (value: string): value is LtciGrade => (LTCI_GRADES as readonly string[]).includes(value);
const isLevel = (value: string): value is LtciLevel => (LTCI_LEVELS as readonly string[]).includes(value);
const issue = (code: LtciOverrideIssueCode, path: string, detail: string): LtciOverrideIssue => ({
  code,
  path,
  detail,
});

function bandIssues(domain: string, bands: LtciOverrideInput['bands'][string], reachable: readonly number[]) {
  const issues: LtciOverrideIssue[] = [];
  const path = `bands.${domain}`;
  const top = reachable.at(-1) ?? 0;
  const valid = bands.filter((band, index) => {
    const fine = isGrade(band.grade) && Number.isInteger(band.min) && Number.isInteger(band.max);
    if (fine && band.min >= 0 && band.min <= band.max && band.max <= top) return true;
    issues.push(
      issue('LTCI_BAND_INVALID', `${path}.${index}`, `${band.grade} ${band.min}–${band.max} (range 0–${top})`),
    );
    return false;
  });
  const sorted = [...valid].sort((left, right) => left.min - right.min);
  sorted.forEach((band, index) => {
    const previous = sorted[index - 1];
    if (previous && band.min <= previous.max) {
      issues.push(issue('LTCI_BAND_OVERLAP', path, `${previous.min}–${previous.max} and ${band.min}–${band.max}`));
    }
  });
  const uncovered = reachable.filter((total) => !valid.some((band) => band.min <= total && total <= band.max));
  if (uncovered.length > 0) issues.push(issue('LTCI_BAND_GAP', path, `no band holds ${uncovered.join(', ')}`));
  return issues;
}

function matrixIssues(matrix: LtciOverrideInput['matrix']): LtciOverrideIssue[] {
  const issues: LtciOverrideIssue[] = [];
  for (const row of Object.keys(matrix)) {
    if (!isGrade(row)) issues.push(issue('LTCI_MATRIX_CELL_INVALID', `matrix.${row}`, 'not a grade'));
  }
  for (const row of LTCI_GRADES) {
    const cells = matrix[row] ?? {};
    for (const column of Object.keys(cells)) {
      if (!isGrade(column)) issues.push(issue('LTCI_MATRIX_CELL_INVALID', `matrix.${row}.${column}`, 'not a grade'));
    }
    for (const column of LTCI_GRADES) {
      const cell = cells[column];
      if (cell === undefined || !isLevel(cell)) {
        issues.push(issue('LTCI_MATRIX_CELL_INVALID', `matrix.${row}.${column}`, `not a level: ${String(cell)}`));
      }
    }
  }
  return issues;
}

/** Warns where a worse grade gives a better level, along a row or a column. */
export function matrixMonotonyWarnings(matrix: LtciConfiguration['matrix']): LtciOverrideIssue[] {
  const ordinal = (level: LtciLevel): number => LTCI_LEVELS.indexOf(level);
  const warnings: LtciOverrideIssue[] = [];
  LTCI_GRADES.forEach((row, rowIndex) => {
    LTCI_GRADES.forEach((column, columnIndex) => {
      const here = ordinal(matrix[row][column]);
      const up = rowIndex > 0 ? LTCI_GRADES[rowIndex - 1] : undefined;
      const left = columnIndex > 0 ? LTCI_GRADES[columnIndex - 1] : undefined;
      const worse =
        (up !== undefined && ordinal(matrix[up][column]) > here) ||
        (left !== undefined && ordinal(matrix[row][left]) > here);
      if (worse) warnings.push(issue('LTCI_MATRIX_NOT_MONOTONE', `matrix.${row}.${column}`, matrix[row][column]));
    });
  });
  return warnings;
}

/**
 * Checks a region's LTC 2021 override when it is loaded (§7): each domain's bands cover every reachable
 * total without gaps or overlaps, all 16 matrix cells hold level codes; a non-monotone matrix is a warning.
 */
export function validateLtciOverride(
  input: LtciOverrideInput,
  definition: MatrixInstrument = LTCI_2021,
): Result<LtciOverrideChecked, readonly LtciOverrideIssue[]> {
  const issues: LtciOverrideIssue[] = [];
  for (const domain of Object.keys(input.bands)) {
    if (!(LTCI_DOMAINS as readonly string[]).includes(domain)) {
      issues.push(issue('LTCI_DOMAIN_UNKNOWN', `bands.${domain}`, 'not an LTC 2021 domain'));
    }
  }
  for (const domain of definition.domains) {
    const bands = input.bands[domain.code];
    if (bands === undefined || bands.length === 0)
      issues.push(issue('LTCI_BANDS_MISSING', `bands.${domain.code}`, 'no bands'));
    else issues.push(...bandIssues(domain.code, bands, reachableTotals(domain)));
  }
  issues.push(...matrixIssues(input.matrix));
  if (issues.length > 0) return err(issues);
  // Every domain, grade and cell was checked above, so the narrowing cast holds.
  const configuration = { id: input.id, bands: input.bands, matrix: input.matrix } as LtciConfiguration;
  return ok({ configuration, warnings: matrixMonotonyWarnings(configuration.matrix) });
}
