import { Modal, MultiSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import type { Meeting } from '../../../../electron/core/contract';
import { useAction, useCall } from '../../api/hooks';
import { fieldError } from '../../components/errors';
import { fa } from '../../locale/fa';
import { SaveCancel } from '../../components/SaveCancel';

/** Changes which agencies sit at a meeting's table (while it is not closed). */
export function MeetingAgenciesModal({ meeting, onClose }: { meeting: Meeting; onClose(): void }) {
  const lists = useCall('lists.all', {});
  const save = useAction('meetings.setAgencies');
  const [agencyIds, setAgencyIds] = useState<string[]>(meeting.agencyIds);
  const agencies = (lists.data?.agencies ?? []).filter((a) => a.active || agencyIds.includes(a.id)).map((a) => ({ value: a.id, label: a.name }));
  return (
    <Modal opened onClose={onClose} title={`${fa.fieldDesk.agenciesPresent} — ${meeting.title}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ meetingId: meeting.id, agencyIds }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <MultiSelect
            label={fa.fieldDesk.agenciesPresent}
            description={fa.fieldDesk.agenciesPresentHint}
            data={agencies}
            value={agencyIds}
            onChange={setAgencyIds}
            searchable
            clearable
            autoFocus
            error={fieldError(save.error, 'agencyIds') ?? fieldError(save.error, 'meetingId')}
            data-testid="meeting-agencies"
          />
          <SaveCancel onCancel={onClose} pending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
