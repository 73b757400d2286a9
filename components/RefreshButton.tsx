/** The round-arrow refresh button: labelled, busy and disabled while it loads, the arrow spinning. */
export function RefreshButton(props: {
  label: string;
  loading: boolean;
  onClick: () => void;
  testId?: string;
}) {
  return (
    <button
      type="button"
      class="icon-btn"
      aria-label={props.label}
      title={props.label}
      aria-busy={props.loading}
      disabled={props.loading}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      <span aria-hidden="true" class={props.loading ? 'spin' : ''}>
        ↻
      </span>
    </button>
  );
}
