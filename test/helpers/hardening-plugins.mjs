// Server side of the hardening suites (test/hardening): fault injection into the real sandbox, and what it saw.
// Register next to sandboxCommands in web-test-runner.config.mjs, with the sandbox started with `faults: true`.

/** Commands: `sandbox-fault` {FaultSpec} schedules a fault; `sandbox-faults-clear`; `sandbox-faults` → counts; `sandbox-seen` {token} → requests. */
export function hardeningCommands(sandbox) {
  return {
    name: 'quaderno-hardening-commands',
    async executeCommand({ command, payload }) {
      if (!command.startsWith('sandbox-fault') && command !== 'sandbox-seen') return undefined;
      const faults = sandbox.faults;
      if (!faults) throw new Error('The sandbox was started without `faults: true`: fault injection is off');
      switch (command) {
        case 'sandbox-fault':
          faults.add(payload);
          return { pending: faults.pending, injected: faults.injected };
        case 'sandbox-faults-clear':
          faults.clear();
          return { pending: 0, injected: faults.injected };
        case 'sandbox-faults':
          return { pending: faults.pending, injected: faults.injected };
        case 'sandbox-seen':
          return faults.seen.filter((r) => !payload?.token || r.path.startsWith(`/checkout/session/${payload.token}`));
        default:
          return undefined;
      }
    },
  };
}
