/** Domain grades 0–3 of MZ/T 039-2013: A is the ADL grade, the others are O. */
export type MztGrades = {
  readonly adl: number;
  readonly mental: number;
  readonly perception: number;
  readonly social: number;
};

export type MztLevel = 'intact' | 'mild' | 'moderate' | 'severe' | 'unclassified';

/**
 * The level grid of assessment.md §6, tested from the most severe level down; the first match wins.
 * The standard leaves gaps (A = 0 with social 3 and the others 0; A = 2 with O = (0, 0, 0);
 * A = 2 with all of O in {1, 2} but not all 2): they give `unclassified`.
 */
export function mztBaseLevel(grades: MztGrades): MztLevel {
  const { adl } = grades;
  const others = [grades.mental, grades.perception, grades.social];
  const allTwo = others.every((grade) => grade === 2);
  const anyThree = others.some((grade) => grade === 3);
  const oneOrTwo = others.filter((grade) => grade === 1 || grade === 2).length;
  if (adl === 3 || (adl === 2 && (allTwo || anyThree))) return 'severe';
  if ((adl === 1 && (allTwo || anyThree)) || (adl === 2 && (oneOrTwo === 1 || oneOrTwo === 2))) return 'moderate';
  const mildWithIntactAdl = adl === 0 && (grades.mental >= 1 || grades.perception >= 1 || grades.social === 2);
  if (mildWithIntactAdl || (adl === 1 && others.some((grade) => grade <= 1))) return 'mild';
  if (adl === 0 && grades.mental === 0 && grades.perception === 0 && grades.social <= 1) return 'intact';
  return 'unclassified';
}
