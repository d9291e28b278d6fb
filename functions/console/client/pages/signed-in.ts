import { ROLE_HOME } from '../../shared/nav';
import { byId, say } from '../lib/dom';
import { errorMsg } from '../lib/messages';
import { finishFlow } from '../lib/oauth';
import { page } from '../lib/page';
import { claims } from '../lib/session';

page(async () => {
  try {
    const { next } = await finishFlow(new URLSearchParams(location.search));
    const c = claims();
    // Someone who acts for nobody yet starts at "my organisation" (register or accept an invitation).
    const safeNext = next && /^\/(?!\/)/.test(next) ? next : null;
    location.replace(safeNext ?? (c ? ROLE_HOME[c.role] : '/account'));
  } catch (err) {
    say(byId('signed-in-msg'), errorMsg(err));
  }
});
