import Foundation

/// The machine a bench ran on, so figures are never read without it.
public struct MachineInfo: Sendable {
    public var cores: Int
    public var activeCores: Int
    public var memoryBytes: UInt64
    public var cpu: String
    public var os: String
    public var swift: String
    /// `release` or `debug`: a debug build's figures mean little.
    public var build: String

    /// Reads the current machine.
    public static func current() -> MachineInfo {
        let info = ProcessInfo.processInfo
        return MachineInfo(
            cores: info.processorCount, activeCores: info.activeProcessorCount, memoryBytes: info.physicalMemory,
            cpu: cpuModel() ?? "unknown", os: osName(info), swift: swiftVersion, build: buildConfiguration)
    }

    static var buildConfiguration: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }

    /// The compiler that built this binary, as precisely as `#if compiler` tells.
    static var swiftVersion: String {
        #if compiler(>=6.4)
        "Swift 6.4 or later"
        #elseif compiler(>=6.3.1)
        "Swift 6.3.1"
        #elseif compiler(>=6.3)
        "Swift 6.3"
        #elseif compiler(>=6.2)
        "Swift 6.2"
        #elseif compiler(>=6.1)
        "Swift 6.1"
        #else
        "Swift 6.0"
        #endif
    }

    /// The CPU model from /proc/cpuinfo (Linux), nil elsewhere.
    static func cpuModel() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The OS name ProcessInfo reports (on Linux, os-release's `PRETTY_NAME`) and the kernel release.
    static func osName(_ info: ProcessInfo) -> String {
        let name = info.operatingSystemVersionString
        var uts = utsname()
        guard uname(&uts) == 0 else { return name }
        let release = withUnsafeBytes(of: &uts.release) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return release.isEmpty || name.contains(release) ? name : "\(name), kernel \(release)"
    }
}
