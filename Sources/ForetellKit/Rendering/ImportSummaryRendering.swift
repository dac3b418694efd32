extension ImportSummary {
    /// A few lines for people: the counts, then at most `limit` skipped rows with their lines.
    public func text(limit: Int = 20) -> String {
        let verb = dryRun ? "would add" : "added"
        var out = "\(source): \(counted(rowsRead, "row")); \(verb) \(counted(questionsAdded, "question")), "
            + "\(counted(forecastsAdded, "forecast")), \(counted(ownersAdded, "owner")), \(counted(resolutionsAdded, "resolution"))"
        if sourcesAdded > 0 { out += ", \(counted(sourcesAdded, "source"))" }
        out += "; \(alreadyPresent) already in the ledger; \(skipped.count) skipped\n"
        for note in notes { out += "  note: \(note)\n" }
        for skip in skipped.prefix(limit) { out += "  \(skip.file.map { $0 + " " } ?? "")line \(skip.line): \(skip.reason)\n" }
        if skipped.count > limit { out += "  … and \(skipped.count - limit) more (--format json lists them all)\n" }
        if dryRun { out += "dry run: nothing was written\n" }
        // Paths and skipped rows' values come from files: printed for people, they must not act on the terminal.
        return TerminalText.safe(out, keepingLineBreaks: true)
    }

    /// The summary as `import --format json` prints it.
    public var json: JSONValue {
        .object([
            ("source", .string(source)),
            ("dry_run", .bool(dryRun)),
            ("rows", .int(Int64(rowsRead))),
            ("questions_added", .int(Int64(questionsAdded))),
            ("forecasts_added", .int(Int64(forecastsAdded))),
            ("owners_added", .int(Int64(ownersAdded))),
            ("resolutions_added", .int(Int64(resolutionsAdded))),
            ("sources_added", .int(Int64(sourcesAdded))),
            ("already_present", .int(Int64(alreadyPresent))),
            ("skipped", .array(skipped.map(\.json))),
            ("notes", .array(notes.map { .string($0) })),
        ])
    }
}

extension ImportSummary.Skipped {
    var json: JSONValue {
        var fields: [(String, JSONValue)] = [("line", .int(Int64(line))), ("reason", .string(reason))]
        if let file { fields.insert(("file", .string(file)), at: 0) }
        return .object(fields)
    }
}
