import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { bridgePresent, kassa } from './api';
import { App } from './App';
import { BridgeMissing } from './screens/BridgeMissing';
import { createKassaStore } from './store/kassaStore';
import { StoreProvider } from './store/StoreContext';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

if (bridgePresent()) {
  const store = createKassaStore(kassa());
  store.getState().actions.start();
  root.render(
    <StrictMode>
      <StoreProvider store={store}>
        <Suspense fallback={null}>
          <App />
        </Suspense>
      </StoreProvider>
    </StrictMode>,
  );
} else {
  root.render(<BridgeMissing />);
}
