// Server side of the fault suites: fault injection into the real sandbox, and what it saw.
// Register next to sandboxCommands in web-test-runner.config.mjs, with the sandbox started with `faults: true`.
// why: two test files run at once against this one sandbox, so every command is scoped to session tokens; a fault
// without a token would hit the other file's requests, and a global clear or count would see its faults.

/**
 * Commands: `sandbox-fault` {FaultSpec with token} schedules a fault; `sandbox-faults-clear` {tokens} drops those
 * sessions' faults; `sandbox-faults` {token} → that session's counts; `sandbox-seen` {token} → its requests.
 */
export function hardeningCommands(sandbox) {
  return {
    name: 'quaderno-hardening-commands',
    async executeCommand({ command, payload }) {
      if (!command.startsWith('sandbox-fault') && command !== 'sandbox-seen') return undefined;
      const faults = sandbox.faults;
      if (!faults) throw new Error('The sandbox was started without `faults: true`: fault injection is off');
      const counts = (token) => ({ pending: faults.pendingFor(token), injected: faults.injectedFor(token) });
      switch (command) {
        case 'sandbox-fault':
          if (typeof payload?.token !== 'string' || payload.token === '') {
            throw new Error('A browser test fault needs the token of its session: other test files share the sandbox');
          }
          faults.add(payload);
          return counts(payload.token);
        case 'sandbox-faults-clear':
        {
          // why: a command answering undefined reads to the runner as an unknown command.
          const tokens = payload?.tokens ?? [];
          for (const token of tokens) faults.clear(token);
          return { cleared: tokens.length };
        }
        case 'sandbox-faults':
          return counts(payload.token);
        case 'sandbox-seen':
          return faults.seen.filter((r) => r.path.startsWith(`/checkout/session/${payload.token}`));
        default:
          return undefined;
      }
    },
  };
}
