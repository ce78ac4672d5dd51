import { Component, type ReactNode } from 'react';

interface Props {
  /** What the till says when a part of the program did not load, in the screen's language. */
  text: string;
  retry: string;
  children: ReactNode;
}

/**
 * A screen's part that cannot load (its chunk or its words missing from a damaged install) must not
 * unmount the whole till into a blank window: the cashier reads why and reloads the window, which
 * fetches the part afresh (a failed lazy import stays failed until then).
 */
export class PartBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="fatal" role="alert" data-testid="part-failed">
        <p>{this.props.text}</p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {this.props.retry}
        </button>
      </main>
    );
  }
}
