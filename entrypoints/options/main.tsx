import { render } from 'preact';
import { createOptionsStore } from '../../utils/stores/options';
import { browserOptionsDeps } from '../../utils/stores/optionsDeps';
import { App } from './App';
import '../../components/base.css';
import './style.css';

const store = createOptionsStore(browserOptionsDeps());
render(<App store={store} />, document.getElementById('app')!);
void store.start();
addEventListener('pagehide', () => store.dispose());
