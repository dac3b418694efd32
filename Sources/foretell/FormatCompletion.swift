import ArgumentParser

extension OutputFormat {
    /// Empty so that `--help` does not append every format foretell knows to each command's
    /// `--format`: each command's help names the formats it accepts, and its completion offers
    /// those (``completion(_:)``).
    static var allValueStrings: [String] { [] }

    /// Shell completion of `--format` with the formats one command accepts.
    static func completion(_ formats: OutputFormat...) -> CompletionKind { .list(formats.map(\.rawValue)) }
}
