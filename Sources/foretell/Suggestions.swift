import ArgumentParser

/// "did you mean …?" for a mistyped command. ArgumentParser already suggests the nearest option
/// ("Unknown option '--onwer'. Did you mean '--owner'?") but reads an unknown first word as an
/// unexpected argument; this reads its message and the commands' own names, so there is still one
/// parser and one list of names.
enum Suggestions {
    /// A hint line for a usage error's message, or nil when nothing is close enough (or the
    /// message already suggests). `command` is the subcommand that was typed, nil when none was.
    static func hint(forMessage message: String, command: ParsableCommand.Type?, root: ParsableCommand.Type,
                     arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> String? {
        guard !message.contains("Did you mean") else { return nil }
        if command == nil, let typed = quoted(after: "Unexpected argument '", in: message) {
            let names = root.configuration.subcommands.compactMap { $0.configuration.commandName }
            return nearest(to: typed, among: names).map { "did you mean \($0)?" }
        }
        // A required option mistyped is reported as missing (its typo, a value-taking unknown
        // option, is never reached): name the typo.
        if let missing = quoted(after: "Missing expected argument '", in: message)?.split(separator: " ").first,
           missing.hasPrefix("--") {
            let typos = arguments.filter { $0.hasPrefix("--") }.map { String($0.split(separator: "=", maxSplits: 1)[0]) }
            if let typo = typos.first(where: { nearest(to: $0, among: [String(missing)]) != nil }) {
                return "'\(typo)' is not an option: did you mean \(missing)?"
            }
        }
        return nil
    }

    /// The closest name within a small edit distance: 1 for words of four letters or fewer, else 2.
    static func nearest(to typed: String, among names: [String]) -> String? {
        let limit = typed.count <= 4 ? 1 : 2
        let ranked = names.map { ($0, editDistance(typed.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= limit && $0.1 > 0 }
            .sorted { $0.1 < $1.1 }
        return ranked.first?.0
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbouring letters each cost 1, so `lsit` is one step from `list`.
    static func editDistance(_ left: String, _ right: String) -> Int {
        let a = Array(left), b = Array(right)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { best = min(best, table[i - 2][j - 2] + 1) }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }

    private static func quoted(after prefix: String, in message: String) -> String? {
        guard let start = message.range(of: prefix) else { return nil }
        let rest = message[start.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }
}
