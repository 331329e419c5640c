import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAssets } from '../../scripts/build-assets';

/**
 * The browser assets are committed as generated TS modules (see scripts/build-assets.ts for why). Rebuilding them
 * in memory must give the committed files: if not, someone edited shared/platform/web/browser/ without
 * `npm run build:assets` (or by hand edited a generated file).
 */
describe('generated browser assets', () => {
  it.each(Object.entries(buildAssets()))('%s is up to date: run `npm run build:assets`', (path, expected) => {
    expect(readFileSync(join(process.cwd(), path), 'utf8')).toBe(expected);
  });

  it('keep the upload script reading its words and rows from the same data-* attributes as the pages write', () => {
    const { 'shared/platform/web/assets/upload.generated.ts': script } = buildAssets();
    const documentsHooks = [
      'data-rules',
      'docs-required',
      'docs-optional',
      'docs-hint',
      '.req',
      '.rule',
      'data-field',
      'data-when-field',
      'data-when-value',
    ];
    for (const hook of [
      'data-retry',
      'data-done',
      'data-sending',
      'data-doc',
      '.doc',
      'claim-form',
      '/uploads',
      'summary',
      'wait',
      ...documentsHooks,
    ]) {
      expect(script).toContain(hook);
    }
  });
});
