/** The polite aria-live region that reads status changes out ("Code received: 482913"). */
export function LiveRegion({ text }: { text: string }) {
  return (
    <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {text}
    </div>
  );
}
