/* global document */
// Shared by the React corpus pages: mount a component that reports its own state value into #state.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders `render(value, setValue)` and shows the component's own value (not the DOM's) in <output id="state">. */
export function mountWithState(render) {
  function Page() {
    const [value, setValue] = useState('');
    return h(
      'div',
      null,
      render(value, setValue),
      h('p', null, 'State: ', h('output', { id: 'state' }, value)),
    );
  }
  createRoot(document.getElementById('app')).render(h(Page));
}
