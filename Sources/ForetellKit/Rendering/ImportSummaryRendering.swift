extension ImportSummary {
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
