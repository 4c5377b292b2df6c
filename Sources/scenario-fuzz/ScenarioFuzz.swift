// scenario-fuzz: the scenario loader under libFuzzer, and a replayer for what it finds.
//
// `.ci/fuzz` builds this target with `-sanitize=fuzzer -D FUZZING -parse-as-library`: libFuzzer
// calls `LLVMFuzzerTestOneInput` with mutated scenario files (seeded from scenarios/). Built
// normally (`swift build`), it is a plain program: `scenario-fuzz FILE...` runs each file through
// the same check, so a crash libFuzzer saved can be reproduced and debugged without it.
import Foundation
import Simulator

/// Loads `bytes` as a scenario; one that loads is run (with a small event cap, so a flapping
/// mutant stays quick), reported as text and JSON, and encoded as the store would hold it. Bad input must be a `ScenarioError`; any
/// trap is a crash the fuzzer reports.
func check(_ bytes: [UInt8]) {
    let path = "fuzz.yaml"
    do {
        let scenario = try ScenarioLoader.parse(bytes: bytes, path: path)
        let result = Simulation(scenario: scenario, options: RunOptions(maxEvents: 5_000)).run()
        let report = RunReport(result: result)
        _ = report.text
        _ = report.json.rendered(pretty: false)
        _ = report.summaryLine
        // Every run must be storable: an event that cannot be encoded is a crash too.
        do { _ = try RunRecorder.encode(result, runId: 1, basePosition: 0) } catch { fatalError("a run that cannot be recorded: \(error)") }
    } catch {
        precondition(error.file == path, "an error that does not name the file")
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    check(count == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: count)))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM names an executable's entry point after its module and links `main` to it; here it
/// hands the command line to libFuzzer's driver.
@_cdecl("scenario_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
}
#else
/// Replays saved inputs: `scenario-fuzz FILE...`.
@main
struct ScenarioFuzz {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("scenario-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            check([UInt8](data))
            print("\(path): ok")
        }
    }
}
#endif
