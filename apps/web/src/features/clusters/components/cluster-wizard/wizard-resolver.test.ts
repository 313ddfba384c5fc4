import { describe, expect, it } from 'vitest';
import { EMPTY_WIZARD_VALUES } from './wizard-form';
import { CHECKS_UNAVAILABLE, checksUnavailable, wizardResolver } from './wizard-resolver';
import { loadedWizardTools } from './wizard-tools-loader';

describe('the wizard resolver', () => {
  it('when the first check runs, then the rules download and a bad name is flagged', async () => {
    const result = await wizardResolver(
      { ...EMPTY_WIZARD_VALUES, profile: 'physical-host', cluster_name: 'Bad_Name' },
      { clusters: new Map() },
      { names: ['cluster_name'], fields: {}, shouldUseNativeValidation: false },
    );
    expect(loadedWizardTools()).toBeDefined();
    expect(result.errors.cluster_name?.message).toMatch(/./);
    expect(result.errors.cluster_name?.type).not.toBe(CHECKS_UNAVAILABLE);
  });

  it('when the rules cannot be downloaded, then every field checked fails with that reason', () => {
    const result = checksUnavailable(['cluster_name', 'profile']);
    expect(result.values).toEqual({});
    expect(result.errors.cluster_name?.type).toBe(CHECKS_UNAVAILABLE);
    expect(result.errors.profile?.type).toBe(CHECKS_UNAVAILABLE);
    // "Save" checks the whole form (no names): it fails too, at the first field.
    expect(checksUnavailable(undefined).errors.profile?.type).toBe(CHECKS_UNAVAILABLE);
  });
});
