import type { ProgrammeCommand } from '../../domain/programme/programme.commands';
import { CommandTable, routesOf } from '../http/command-routes';
import { ChangeProgrammeSettingsDto } from './programme-commands.dto';
import { ProgrammeAnswer, ProgrammeCommands } from './programme-commands';
import { ProgrammeParam } from './programme-param';

const route = routesOf<ProgrammeCommand, ProgrammeAnswer>();

/** Issues 19, 20, 22: a programme's settings, changed by the admin only (coordinators and managers read them, GET /programmes). */
export const PROGRAMME_COMMANDS: CommandTable<ProgrammeCommand, ProgrammeAnswer> = {
  name: 'ProgrammeCommands',
  prefix: 'programmes',
  tag: 'programmes',
  runner: ProgrammeCommands,
  routes: {
    settings: route({
      path: ':programme/settings',
      params: { programme: ProgrammeParam },
      allow: ['admin'],
      body: ChangeProgrammeSettingsDto,
      summary: {
        en: "Change a programme's settings: the follow-up's months, required vetting and courses, supervision's and UCLA-3's intervals. Fields left out stay as they are.",
        da: 'Ret ordningens indstillinger: opfølgning efter antal måneder, krævede attester og kurser, supervision og UCLA-3 hver så mange uger.',
      },
      command: (b) => {
        const data: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(b)) if (value !== undefined) data[key] = Array.isArray(value) ? [...value] : value;
        return { type: 'ChangeProgrammeSettings', data };
      },
      answer: { description: '{ programme, revision, position }' },
    }),
  },
};
