import type { BaseContext, Message } from '../shared/decider';
import type { Programme } from '../shared/codes';
import type { ProgrammeSettings } from './programme.settings';

/** Any of the settings; those left out stay as they are. `at`: when it takes effect (default now; not in the future). */
export type ChangeProgrammeSettings = Message<'ChangeProgrammeSettings', Partial<ProgrammeSettings> & { at?: string }>;

export type ProgrammeCommand = ChangeProgrammeSettings;

export interface ProgrammeContext extends BaseContext {
  /** The programme the stream is for (its code, known to be one of PROGRAMMES). */
  programme: Programme;
}
