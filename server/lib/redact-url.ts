/**
 * A request URL fit for logs: personal links carry live credentials (`/u/<token>` and `?t=<token>`),
 * and anyone who can read the logs could otherwise answer, or unsubscribe, as that customer.
 */
export function redactUrl(url: string): string {
  return url.replace(/\/u\/[^/?#]+/g, '/u/[redacted]').replace(/([?&]t=)[^&#]*/g, '$1[redacted]');
}
