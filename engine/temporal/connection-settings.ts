import fs from 'node:fs';

export interface TemporalSettings {
  /** host:port of an existing cluster; absent means Ledgerflow starts its own dev server. */
  address?: string;
  namespace: string;
  taskQueue: string;
  tls?: { clientCertPair?: { crt: Buffer; key: Buffer }; serverNameOverride?: string } | true;
  apiKey?: string;
}

/**
 * TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE point Ledgerflow at an existing cluster or Temporal Cloud;
 * TEMPORAL_TLS_CERT / TEMPORAL_TLS_KEY (file paths) enable mutual TLS, TEMPORAL_API_KEY API-key auth (with TLS).
 */
export function temporalSettingsFrom(env: NodeJS.ProcessEnv): TemporalSettings {
  const settings: TemporalSettings = {
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.LEDGERFLOW_TASK_QUEUE ?? 'ledgerflow',
  };
  if (env.TEMPORAL_ADDRESS) settings.address = env.TEMPORAL_ADDRESS;
  if (env.TEMPORAL_TLS_CERT || env.TEMPORAL_TLS_KEY) {
    if (!env.TEMPORAL_TLS_CERT || !env.TEMPORAL_TLS_KEY) throw new Error('Set both TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY for mutual TLS');
    settings.tls = {
      clientCertPair: { crt: fs.readFileSync(env.TEMPORAL_TLS_CERT), key: fs.readFileSync(env.TEMPORAL_TLS_KEY) },
      ...(env.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME } : {}),
    };
  }
  if (env.TEMPORAL_API_KEY) {
    settings.apiKey = env.TEMPORAL_API_KEY;
    settings.tls ??= true;
  }
  return settings;
}
