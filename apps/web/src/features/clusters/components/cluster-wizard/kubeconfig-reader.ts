import { inspectKubeconfig, tryReduceKubeconfig } from '@cluster-console/shared';
import { provideKubeconfigReader } from './wizard-tools-loader';

// Imported by the form's checks (wizard-validation.ts), so wherever they run, in the lazy
// tools chunk or a test, the form reads kubeconfigs with the YAML parser from then on.
provideKubeconfigReader({ inspectKubeconfig, tryReduceKubeconfig });
