import type { ApplicationState } from '@kangyang/contracts/application';

/** Tag colours of the application states. */
export const STATE_COLOURS: Readonly<Record<ApplicationState, string>> = {
  submitted: 'blue',
  streetPassed: 'gold',
  approved: 'green',
  refused: 'red',
};
