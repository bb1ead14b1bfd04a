import { get } from '../../api';
import { Link, useLoad } from '../../ui';

/** On the waiting folder: how many referral cards from /henvis wait in the inbox (issue 21). */
export function NewCards() {
  const loaded = useLoad(() => get<{ new: number }>('/referral-cards/count'), []);
  const count = loaded.data?.new ?? 0;
  if (count === 0) return null;
  return (
    <p class="notice notice-info" role="status">
      <Link href="/app/henvisningskort">{count === 1 ? '1 nyt henvisningskort' : `${count} nye henvisningskort`}</Link> venter på at blive taget ind.
    </p>
  );
}
