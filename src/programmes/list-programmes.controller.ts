import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DEFAULT_PROGRAMME_SETTINGS, ProgrammeSettings } from '../../domain/programme/programme.settings';
import { PROGRAMMES, Programme } from '../../domain/shared/codes';
import { helperWord } from '../../domain/shared/helper-words';
import { programmeStreamId } from '../../domain/shared/ids';
import { ProgrammeHistoryEntry, programmeHistory } from '../../projections/programmes/programme-history';
import { DirectoryService } from '../directory/directory.service';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { PROGRAMME_DA } from '../outcomes/report-labels.da';
import { Allow } from '../privacy/policy';
import { ProgrammeParam } from './programme-param';

/** `GET /programmes`: one programme with its Danish name, helper word and the settings in force. */
export interface ProgrammeRow {
  programme: Programme;
  name: string;
  helperWord: string;
  settings: ProgrammeSettings;
  /** The defaults, for a form's "standard" (the settings are these until an admin changes them). */
  defaults: ProgrammeSettings;
  /** When the latest change took effect; null: the defaults are in force. */
  changedAt: string | null;
}

/** Read by those whose work the settings shape (coordinator, manager) and by the admin, who changes them. */
const READERS = ['coordinator', 'manager', 'admin'] as const;

@ApiTags('programmes')
@Controller('programmes')
export class ListProgrammesController {
  constructor(
    private readonly directory: DirectoryService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Allow(...READERS)
  @Get()
  list(): ProgrammeRow[] {
    return PROGRAMMES.map((p) => this.row(p));
  }

  @Allow(...READERS)
  @Get(':programme')
  one(@Param('programme', ProgrammeParam) programme: Programme): ProgrammeRow {
    return this.row(programme);
  }

  /** Each change of the programme's settings, in Danish words (empty: the defaults were never changed). */
  @Allow(...READERS)
  @Get(':programme/history')
  async history(@Param('programme', ProgrammeParam) programme: Programme): Promise<ProgrammeHistoryEntry[]> {
    return programmeHistory(await this.store.readStream(programmeStreamId(programme)));
  }

  private row(programme: Programme): ProgrammeRow {
    const directory = this.directory.directory;
    const changed = directory.programmes.get(programme);
    return {
      programme,
      name: PROGRAMME_DA[programme],
      helperWord: helperWord(programme),
      settings: directory.programmeSettings()[programme],
      defaults: DEFAULT_PROGRAMME_SETTINGS[programme],
      changedAt: changed?.changedAt ?? null,
    };
  }
}
