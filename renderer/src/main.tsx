/** Renderer entry point: mounts the app and loads the first view. */
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { start } from './state/actions/start.js';
import './styles/app.css';

createRoot(document.getElementById('root')!).render(<App />);
void start().catch((error: unknown) => {
  document.body.dataset.startError = String(error);
  console.error('Syndic could not start', error);
});
