// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background/index';
import { sendMessage } from '../../../utils/messaging/client';
import { siteChoicesItem } from '../../../utils/storage';
import { serveCatalogsToFetch } from './catalog-fetch';
import { patchFakeBrowser } from './fake-events';
import { sendAsOwnPage } from './wire';

// The popup's site card asks the background to remember a choice per site; it is the item's only writer.

describe('site choices (background, through the real client and router)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    serveCatalogsToFetch();
    patchFakeBrowser();
    sendAsOwnPage();
    background.main();
  });

  it('remembers the country per site; later fields replace only themselves', async () => {
    await expect(sendMessage('saveSiteChoice', { site: 'discord', serviceId: 21 })).resolves.toEqual({
      ok: true,
    });
    await sendMessage('saveSiteChoice', { site: 'google', categoryId: 1, serviceId: null });
    await sendMessage('saveSiteChoice', { site: 'discord', hidden: true });
    const all = await siteChoicesItem.getValue();
    expect(all.discord).toMatchObject({ serviceId: 21, categoryId: null, hidden: true });
    expect(all.google).toMatchObject({ serviceId: null, categoryId: 1, hidden: false });
  });

  it('two quick choices for two sites are both kept (one queue)', async () => {
    await Promise.all([
      sendMessage('saveSiteChoice', { site: 'discord', serviceId: 22 }),
      sendMessage('saveSiteChoice', { site: 'x', serviceId: 61 }),
    ]);
    expect(Object.keys(await siteChoicesItem.getValue()).sort()).toEqual(['discord', 'x']);
  });

  it('refuses a site that is not a plain name, and ids that are not ids', async () => {
    await expect(
      sendMessage('saveSiteChoice', { site: 'https://discord.com', serviceId: 1 }),
    ).rejects.toMatchObject({
      code: 'bad_request',
    });
    await sendMessage('saveSiteChoice', { site: 'discord', serviceId: -4 });
    expect((await siteChoicesItem.getValue()).discord?.serviceId).toBeNull();
  });
});
