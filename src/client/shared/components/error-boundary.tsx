import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryState {
  readonly error: Error | null;
}

/**
 * Shows what went wrong instead of a blank page when rendering fails, and logs the error so it
 * is not swallowed. Saved answers stay in the browser's storage; reloading keeps them.
 */
export class ErrorBoundary extends Component<{ readonly children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('The app failed to render', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="page">
        <h1>Something went wrong</h1>
        <p>
          The page could not be shown: {error.message}. Your saved answers are still on this device.
        </p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            window.location.reload();
          }}
        >
          Reload the page
        </button>
      </div>
    );
  }
}
