import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A process run to its end, measured from outside: wall time from spawn to exit, its own CPU time
/// and peak memory (from `wait4`, so that no other child is counted).
struct ChildProcess {
    var startedAt: Double
    var endedAt: Double
    var cpuSeconds: Double
    var maxResidentKiB: Int
    var status: Int32

    /// Runs `executable` with `arguments`, its standard output and error to `log`.
    static func run(_ executable: URL, _ arguments: [String], log: URL) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let startedAt = Date().timeIntervalSince1970
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        let endedAt = Date().timeIntervalSince1970
        let cpu =
            Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
        return ChildProcess(
            startedAt: startedAt, endedAt: endedAt, cpuSeconds: cpu, maxResidentKiB: usage.ru_maxrss,
            status: (status >> 8) & 0xff)
    }
}
