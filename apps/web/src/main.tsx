// The React 19 compatibility patch must run before antd renders anything.
import '@ant-design/v5-patch-for-react-19';
// Before any schema is built (see the file).
import './app/zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { registerServiceWorker } from './app/service-worker.ts';
import './app/base.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
registerServiceWorker();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
