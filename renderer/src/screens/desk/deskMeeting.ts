import { createContext, useContext } from 'react';

/** What the desk's forms need to know of the meeting: the agencies sitting at its table. */
export interface DeskMeeting {
  presentAgencyIds: readonly string[];
}

export const DeskMeetingContext = createContext<DeskMeeting>({ presentAgencyIds: [] });

export const useDeskMeeting = () => useContext(DeskMeetingContext);
