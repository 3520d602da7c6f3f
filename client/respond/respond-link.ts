import { isSlug } from '@shared/survey-definition/vocabulary';

/** What a customer's link carries besides the slug: `?t=` personal token, `tp=` touchpoint, `ch=` channel, `sig=` their signature. */
export interface RespondLink {
  token?: string;
  touchpoint?: string;
  channel?: string;
  /** Staff-made links sign their tags; the server takes the tags only with it (unless the survey allows any). */
  sig?: string;
}

/**
 * Reads the link's query. A malformed touchpoint or channel tag is left out rather than let it block
 * the customer's answers; a malformed token is kept, so the server can say the link is not valid.
 */
export function readRespondLink(search: string): RespondLink {
  const query = new URLSearchParams(search);
  const link: RespondLink = {};
  const token = query.get('t');
  const touchpoint = query.get('tp');
  const channel = query.get('ch');
  const sig = query.get('sig');
  if (token) link.token = token;
  if (touchpoint && isSlug(touchpoint)) link.touchpoint = touchpoint;
  if (channel && isSlug(channel)) link.channel = channel;
  if (sig && (link.touchpoint || link.channel)) link.sig = sig;
  return link;
}
