#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The last SIGINT or SIGTERM received (0 for none). Written only by the signal handler.
nonisolated(unsafe) private var receivedSignal: sig_atomic_t = 0

/// Catches SIGINT and SIGTERM so a run can stop reading, finish what is in flight and exit
/// without tearing a line; ignores SIGPIPE so a closed stdout is seen as EPIPE.
public enum Signals {
  /// Installs the handlers (without SA_RESTART, so a blocked read returns).
  public static func install() {
    signal(SIGPIPE, SIG_IGN)
    // A parent may have started us with these signals blocked; they must reach us.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGINT)
    sigaddset(&unblock, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    for sig in [SIGINT, SIGTERM] {
      var action = sigaction()
      #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = { receivedSignal = sig_atomic_t($0) }
      #else
        action.__sigaction_handler.sa_handler = { receivedSignal = sig_atomic_t($0) }
      #endif
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      sigaction(sig, &action, nil)
    }
  }

  /// The signal received so far, or 0.
  public static var received: Int32 { Int32(receivedSignal) }
}
