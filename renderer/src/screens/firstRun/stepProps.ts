import type { WizardState } from './wizardState';

/** What every step gets: the wizard's values, a setter for some of them, and the message to show at a field (the wizard's own check or the host's). */
export interface StepProps {
  state: WizardState;
  set(patch: Partial<WizardState>): void;
  error(field: string): string | undefined;
  /** Places the focus on the step's first field again (for a step that draws its fields after loading). */
  refocus(): void;
}
