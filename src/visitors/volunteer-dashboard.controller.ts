import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { volunteerDashboard, VolunteerDashboard } from '../../projections/volunteers/volunteer-dashboard';
import { DirectoryService } from '../directory/directory.service';
import { Allow } from '../privacy/policy';

/** The dashboard's volunteer figures (issue 20), from the Directory: counts only. */
@ApiTags('dashboard')
@Controller('dashboard')
export class VolunteerDashboardController {
  constructor(private readonly directory: DirectoryService) {}

  @Allow('manager', 'coordinator')
  @Get('volunteers')
  get(): VolunteerDashboard {
    return volunteerDashboard(this.directory.directory.visitors.values(), new Date().toISOString(), this.directory.directory.programmeSettings());
  }
}
