// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "foretell",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "foretell", targets: ["foretell"]),
        .library(name: "ForetellKit", targets: ["ForetellKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // SHA-256 for the ledger's tamper-evident hash chain.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        // libcsv from Debian's libcsv-dev: an RFC 4180 parser in C, and foretell's only CSV parser.
        // Reading the PredictionBook archive's 63,593 rows into Swift strings took 0.47 s of CPU
        // with it, 0.94 s with yaslab/CSV.swift 2.5.2 and 1.47 s with swiftcsv/SwiftCSV 0.10.0
        // (which reads the whole file into one string first); neither package says which line a
        // record starts on, which every skipped-row message gives.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .target(
            name: "ForetellKit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                "CLibCSV",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // Each folder's README says what it holds and which folders it may import.
            exclude: ["Model", "Input", "Store", "Scoring", "Extraction", "Interchange", "Rendering"].map { $0 + "/README.md" },
            resources: [.embedInCode("Migrations")]
        ),
        .executableTarget(
            name: "foretell",
            dependencies: [
                "ForetellKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ForetellKitTests",
            dependencies: ["ForetellKit"],
            // Read from disk by their tests: inputs the fuzzer crashed on (FuzzRegressionTests), and
            // the documents and gold labels of the held-out extraction evaluation.
            exclude: ["FuzzRegressions", "HeldOut"]
        ),
        .testTarget(
            name: "ForetellCLITests",
            // GRDB: tests read an imported ledger's tables directly, not through the code that wrote them.
            // ArgumentParser: tests read the commands' help text from their configurations.
            dependencies: [
                "foretell", "ForetellKit", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
