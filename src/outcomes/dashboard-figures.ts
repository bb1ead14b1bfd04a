import type { Programme } from '../../domain/shared/codes';
import { DashboardSummary, monthKey, MonthDoc, MonthTotals, SUMMARY_KEY, totalKey } from '../../projections/dashboard/aggregate-docs';
import { caseFactsProjection } from '../../projections/dashboard/case-facts';
import { dashboard, monthsOf, MonthFigures, wholeMonth } from '../../projections/dashboard/dashboard';
import type { ReadModelsService } from '../read-models/read-models.service';

/** The dashboard's months of a period, read as `GET /dashboard` reads them (src/read-models/dashboard), for the report. */
export async function dashboardMonths(readModels: ReadModelsService, range: { from: string; to: string; programme?: Programme }): Promise<MonthFigures[]> {
  const summary = (await readModels.models.get(caseFactsProjection.name, SUMMARY_KEY)) as DashboardSummary | undefined;
  const months = monthsOf(range.from, range.to);
  const keyOf = (month: string) => (wholeMonth(month, range) ? totalKey(month) : monthKey(month));
  const docs = await readModels.models.getMany(caseFactsProjection.name, months.map(keyOf));
  const stored = { totals: new Map<string, MonthTotals>(), days: new Map<string, MonthDoc>() };
  for (const month of months) {
    const doc = docs.get(keyOf(month));
    if (doc === undefined) continue;
    if (wholeMonth(month, range)) stored.totals.set(month, doc as MonthTotals);
    else stored.days.set(month, doc as MonthDoc);
  }
  return dashboard(summary, stored, range);
}
