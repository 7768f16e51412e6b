import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { ErrorBoundary } from '#shared/components/error-boundary';
import './styles.css';

// zod, which the live and teacher pages load later, probes whether it may compile parsers with
// `new Function`; the Content Security Policy (no 'unsafe-eval') refuses, and the browser reports
// that refusal as an issue. jitless skips the probe. zod keeps its settings on globalThis (shared
// by every copy of it), so they are set here without putting zod in the first download.
(globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig = {
  jitless: true,
};

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element to render the app into.');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
