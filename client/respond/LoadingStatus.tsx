/** "Loading…" in the page's status region, while the survey or the kiosk's settings arrive. */
export function LoadingStatus({ text }: { text: string }) {
  return (
    <p className="respond-status" role="status" aria-busy="true">
      {text}
    </p>
  );
}
