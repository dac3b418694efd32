import Foundation

/// libFuzzer's entry point: each input goes through FuzzTargets (Tests/ForetellKitTests/FuzzTargets.swift);
/// a broken property aborts, so libFuzzer saves the input like any other crash.
/// The CSV target's file, in memory where /dev/shm exists: one is written per input.
private let scratch = (access("/dev/shm", W_OK) == 0 ? "/dev/shm" : NSTemporaryDirectory()) + "/foretell-fuzz-\(getpid()).csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func foretellFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    let problems = FuzzTargets.run(bytes, scratch: scratch)
    if !problems.isEmpty {
        fputs("foretell fuzz: \(problems.joined(separator: "; "))\n", stderr)
        abort()
    }
    return 0
}
