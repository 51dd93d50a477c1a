import { Alert, Button, Center, Group, Loader, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { SetupDefaults } from '../../../electron/core/contract/auth';
import { session } from '../api/client';
import { useAction, useCall } from '../api/hooks';
import { fa as faDigits } from '../format';
import { fa, fill } from '../locale/fa';
import { AdminStep } from './firstRun/AdminStep';
import { BackupStep } from './firstRun/BackupStep';
import { CountiesStep } from './firstRun/CountiesStep';
import { DirectorateStep } from './firstRun/DirectorateStep';
import { LogoStep } from './firstRun/LogoStep';
import { PrinterStep } from './firstRun/PrinterStep';
import { ReviewStep } from './firstRun/ReviewStep';
import { wizardEnter } from './firstRun/stepKeys';
import type { StepProps } from './firstRun/stepProps';
import { initialState, setupInput, stepOfField, stepProblem, STEPS, type FieldProblem, type StepName, type WizardState } from './firstRun/wizardState';

/** The first run on a fresh database: the first-run wizard, started from the database's seeded values. */
export function FirstRun() {
  const status = useCall('auth.status', {});
  const defaults = status.data?.setup;
  if (!defaults) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  return <Wizard defaults={defaults} />;
}

/** Which fields a change touches, for clearing the message shown at one of them. */
function touches(patch: Partial<WizardState>, field: string): boolean {
  const top = field.split('.')[0]!;
  if (top in patch) return true;
  if (field === 'repeat') return 'password' in patch;
  if (field === 'backupFolder') return 'backupMode' in patch;
  return false;
}

/**
 * Seven steps, each checked here for what can be checked (required fields, the repeated password,
 * the counties), then one `auth.setup` call that the host checks in full and writes in one
 * transaction. A refusal brings the wizard back to the step of the field it names, with the
 * message at that field; success signs the new admin in.
 */
function Wizard({ defaults }: { defaults: SetupDefaults }) {
  const setup = useAction('auth.setup');
  const [state, setState] = useState(() => initialState(defaults));
  const [active, setActive] = useState(0);
  const [furthest, setFurthest] = useState(0);
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  /** Moves on each time the focus should be placed anew (a step shown, a problem pointed at). */
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  /** The field to focus once the step is drawn (after a refusal); otherwise the step's first field. */
  const focusNext = useRef<string | null>(null);
  const step = STEPS[active]!;

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const wanted = focusNext.current;
    focusNext.current = null;
    const byName = wanted ? (form.querySelector<HTMLElement>(`[name="${wanted}"]:checked`) ?? form.querySelector<HTMLElement>(`[name="${wanted}"]`)) : null;
    (byName ?? form.querySelector<HTMLElement>('[data-autofocus]') ?? form.querySelector<HTMLElement>('button[type=submit]'))?.focus();
  }, [focusTick]);

  const set = (patch: Partial<WizardState>) => {
    setState((s) => ({ ...s, ...patch }));
    if (problem && touches(patch, problem.field)) setProblem(null);
  };
  /** Shows a problem at its field, on the field's step. */
  const show = (p: FieldProblem) => {
    focusNext.current = p.field;
    setProblem(p);
    setActive(stepOfField(p.field));
    setFocusTick((t) => t + 1);
  };
  const moveTo = (i: number) => {
    setProblem(null);
    setGeneral(null);
    setActive(i);
    setFurthest((f) => Math.max(f, i));
    setFocusTick((t) => t + 1);
  };
  const finish = () => {
    setGeneral(null);
    setup.mutate(setupInput(state), {
      onSuccess: (s) => session.set(s.token),
      // A field of a step: back to it, the message at the field; anything else is said here, on the review.
      onError: (e) => (e.field && stepOfField(e.field) >= 0 ? show({ field: e.field, message: e.message }) : setGeneral(e.message)),
    });
  };
  const next = () => {
    const local = stepProblem(step, state);
    if (local) return show(local);
    if (step === 'review') return finish();
    moveTo(active + 1);
  };
  const goTo = (i: number) => {
    if (i > furthest || i === active) return;
    if (i > active) {
      const local = stepProblem(step, state);
      if (local) return show(local);
    }
    moveTo(i);
  };

  const props: StepProps = {
    state,
    set,
    error: (field) => (problem?.field === field ? problem.message : undefined),
    refocus: () => setFocusTick((t) => t + 1),
  };
  const content: Record<StepName, ReactNode> = {
    directorate: <DirectorateStep {...props} />,
    counties: <CountiesStep {...props} />,
    logo: <LogoStep {...props} />,
    admin: <AdminStep {...props} />,
    printer: <PrinterStep {...props} />,
    backup: <BackupStep {...props} defaultFolder={defaults.defaultBackupFolder} />,
    review: <ReviewStep state={state} defaultFolder={defaults.defaultBackupFolder} goTo={(s) => goTo(STEPS.indexOf(s))} />,
  };
  const stepIcon = ({ step: i }: { step: number }) => faDigits(i + 1);

  return (
    <Center mih="100vh" bg="gray.0" py="xl">
      <Paper withBorder shadow="sm" p="xl" w={980}>
        <Stack>
          <Title order={2}>{fa.setup.title}</Title>
          <Text size="sm" c="dimmed">
            {fa.setup.intro}
          </Text>
          <Stepper active={active} onStepClick={goTo} size="sm" icon={stepIcon} progressIcon={stepIcon} allowNextStepsSelect={false} my="sm">
            {STEPS.map((s, i) => (
              <Stepper.Step key={s} label={fa.setup.steps[s]} allowStepSelect={i <= furthest} />
            ))}
          </Stepper>
          <form
            ref={formRef}
            onSubmit={(e) => {
              e.preventDefault();
              next();
            }}
            onKeyDown={wizardEnter}
            noValidate
          >
            <Stack mih={360} justify="space-between">
              <Stack>
                <Title order={3} size="h4">
                  {fill(fa.setup.stepOf, { n: faDigits(active + 1), total: faDigits(STEPS.length) })}: {fa.setup.steps[step]}
                </Title>
                {content[step]}
              </Stack>
              <Stack>
                {general && (
                  <Alert color="red" variant="light" data-testid="setup-error">
                    {general}
                  </Alert>
                )}
                <Group justify="space-between">
                  <Button variant="default" onClick={() => goTo(active - 1)} disabled={active === 0}>
                    {fa.setup.back}
                  </Button>
                  <Button type="submit" data-enter-stop loading={setup.isPending} data-testid="wizard-next">
                    {step === 'review' ? fa.setup.finish : fa.setup.next}
                  </Button>
                </Group>
              </Stack>
            </Stack>
          </form>
        </Stack>
      </Paper>
    </Center>
  );
}
