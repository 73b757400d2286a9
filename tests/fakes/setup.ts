import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Every test starts with empty fake storage, alarms and listeners, so no test sees another's items.
beforeEach(() => {
  fakeBrowser.reset();
});
