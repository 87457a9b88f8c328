/// A command added to the `pipe` command line by a library (for example a command that learns a
/// boilerplate profile, shipped with the stage that uses it).
public protocol Subcommand: Sendable {
  /// The command's name (`pipe NAME ...`).
  var name: String { get }
  /// One line for `pipe --help`.
  var summary: String { get }
  /// Runs the command with the arguments after its name; returns the exit status. Throw
  /// ``UsageError`` for a bad command line (exit 2).
  func run(_ args: [String], cli: PipeCommandLine) throws -> Int32
}
