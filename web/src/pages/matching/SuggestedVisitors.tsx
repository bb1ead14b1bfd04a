import { helperWord } from '../../../../domain/shared/helper-words';
import { get } from '../../api';
import type { Suggestions } from '../../matching';
import { LoadState, useLoad } from '../../ui';
import { ReasonChips } from './ReasonChips';

/** The booking dialog's suggestions: the visitors who fit best, why (chips), and one click to choose. */
export function SuggestedVisitors({ caseId, programme, selected, onPick }: { caseId: string; programme: string; selected: string; onPick: (visitorId: string) => void }) {
  const loaded = useLoad(() => get<Suggestions>(`/cases/${caseId}/suggestions`), [caseId]);
  return (
    <section class="suggested">
      <h3>Forslag til {helperWord(programme)}</h3>
      <LoadState loaded={loaded}>
        {() =>
          loaded.data!.visitors.length === 0 ? (
            <p class="empty">Ingen ledige {helperWord(programme, 'plural')} passer til sagen.</p>
          ) : (
            <ol class="suggestions">
              {loaded.data!.visitors.slice(0, 5).map((v) => (
                <li key={v.visitorId}>
                  <div>
                    <strong>{v.name}</strong> <span class="score">{v.score} point</span>
                    <ReasonChips reasons={v.reasons} />
                  </div>
                  <button type="button" aria-pressed={selected === v.visitorId} onClick={() => onPick(v.visitorId)}>
                    {selected === v.visitorId ? 'Valgt' : `Vælg ${v.name}`}
                  </button>
                </li>
              ))}
            </ol>
          )
        }
      </LoadState>
    </section>
  );
}
