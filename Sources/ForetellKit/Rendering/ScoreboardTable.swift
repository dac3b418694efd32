extension ScoreboardRendering {
    /// Rows shown per table on the terminal; JSON and CSV have them all.
    static let terminalRowLimit = 25
    static let chartWidth = 31

    /// The terminal page: headline scores, the ranked owner table, a calibration chart drawn with
    /// text, the folded table with `--folded`, tags, documents and open work. Fits 80 columns.
    public static func table(_ board: Scoreboard, style: TerminalStyle) -> String {
        var out = ""
        let overall = board.overall
        let options = board.options
        out += style.paint("Scoreboard", .bold) + ": " + counted(overall.n, "forecast") + " on "
            + counted(overall.questions, "question") + " by " + counted(board.owners.count, "owner")
            + filterSummary(options) + "\n"
        out += paragraph("Counting " + options.rule.summary + ".", style: style, tint: .dim)
        out += style.paint("Brier on the 0-1 scale: lower is better; always saying 50% scores 0.250.", .dim) + "\n"
        if overall.n == 0 {
            out += "\n" + paragraph(nothingToScore(board.excluded), style: style)
            out += exclusions(board.excluded, style: style)
        } else {
            out += "\n" + style.paint("Overall", .bold) + "  Brier " + style.paint(formatScore(overall.brier), .bold)
                + "  log loss " + formatScore(overall.logLoss)
                + (options.rule == .timeWeighted ? "  baseline " : "  spot baseline ")
                + formatScore(overall.baseline, digits: 1)
                + "\n"
            out += style.paint("Murphy", .bold) + "   reliability " + formatScore(overall.reliability) + "  resolution "
                + formatScore(overall.resolution) + "  uncertainty " + formatScore(overall.uncertainty)
                + style.paint(" (approximate)", .dim) + "\n"
            out += ownerTable(board, style: style)
            out += calibrationChart(overall, style: style)
            if options.folded { out += foldedTable(overall, weighted: options.rule == .timeWeighted, style: style) }
            out += groupTable("Tags", board.tags, style: style)
            out += groupTable("Documents", board.sources, style: style)
            out += exclusions(board.excluded, style: style)
        }
        out += openWork(board.open, style: style)
        return out
    }

    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    static func filterSummary(_ options: ScoreOptions) -> String {
        var parts: [String] = []
        if !options.owners.isEmpty { parts.append("owner " + TerminalText.safe(options.owners.joined(separator: ", "))) }
        if !options.tags.isEmpty { parts.append("tag " + TerminalText.safe(options.tags.joined(separator: ", "))) }
        if let since = options.since { parts.append("resolved from \(since)") }
        if let until = options.until { parts.append("resolved until \(until)") }
        if options.includeBackfilled { parts.append("backfilled forecasts included") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }

    static func ownerTable(_ board: Scoreboard, style: TerminalStyle) -> String {
        guard !board.owners.isEmpty else { return "" }
        let minimum = max(1, board.options.rankingMinimumQuestions)
        var out = "\n" + style.paint("Owners", .bold) + ", ranked by relative Brier on \(minimum) or more shared questions\n"
        // Log loss is left to JSON and CSV here: per owner, baseline = 100 (1 - log loss / ln 2).
        var table = TextTable([
            .init("#", .right), .init("OWNER", flexible: true), .init("N", .right), .init("QUESTIONS", .right),
            .init("BRIER", .right), .init("BASELINE", .right), .init("RELATIVE", .right), .init("PEER", .right),
        ])
        for group in board.owners.prefix(terminalRowLimit) {
            var relative = TextTable.Cell("–", .dim)
            if let value = group.relativeBrier {
                relative = TextTable.Cell(
                    formatSignedScore(value) + " on " + String(group.sharedQuestions),
                    value < 0 ? .green : value > 0 ? .red : .none)
            }
            table.append([
                TextTable.Cell(group.rank.map(String.init) ?? ""), TextTable.Cell(group.name ?? ""),
                TextTable.Cell(String(group.n)), TextTable.Cell(String(group.questions)),
                TextTable.Cell(formatScore(group.brier), .bold),
                TextTable.Cell(formatScore(group.baseline, digits: 1)), relative,
                group.peerScore.map { TextTable.Cell(formatSignedScore($0, digits: 1)) } ?? TextTable.Cell("–", .dim),
            ])
        }
        out += table.render(style: style)
        out += more(board.owners.count, "owner", style: style)
        if board.owners.contains(where: { $0.relativeBrier != nil }) {
            let averaged = board.options.rule == .timeWeighted
                ? " over each question's life" : ""
            out += paragraph(
                "RELATIVE: own Brier minus the median Brier of everyone on the question, you included "
                    + "(Fatebook, GJ Open)\(averaged), averaged over questions with 2 or more forecasters "
                    + "('on N'); negative is better. PEER: Metaculus's peer score, higher is better. BASELINE: "
                    + (board.options.rule == .timeWeighted ? "Metaculus's baseline over each question's life." : "Metaculus's spot baseline."),
                style: style, tint: .dim)
        }
        if board.owners.contains(where: { $0.rank == nil }) {
            out += paragraph(
                "No rank: fewer than \(minimum) shared questions (--rank-min-questions); listed by Brier.",
                style: style, tint: .dim)
        }
        return out
    }

    static func more(_ total: Int, _ noun: String, style: TerminalStyle) -> String {
        guard total > terminalRowLimit else { return "" }
        return style.paint("… and \(counted(total - terminalRowLimit, noun)) more: see --format json or csv", .dim) + "\n"
    }

    static func percentRange(_ low: Double?, _ high: Double?) -> String {
        guard let low, let high else { return "–" }
        return "\(Int((low * 100).rounded()))–\(Int((high * 100).rounded()))%"
    }

    /// Each bin: `│` where the stated probability sits, `●` the observed frequency, `[──]` its 95%
    /// interval, on a line from 0% to 100%. Green when the interval holds the stated probability.
    static func calibrationChart(_ group: GroupScore, style: TerminalStyle) -> String {
        var out = "\n" + style.paint("Calibration", .bold)
            + ": how often what was stated happened, with the Wilson 95% interval\n"
        var table = TextTable([
            .init("BIN"), .init("N", .right), .init("STATED", .right), .init("OBSERVED", .right),
            .init("95% INTERVAL", .right), .init(chartAxis()),
        ])
        for bin in group.calibration {
            let label = "\(Int((bin.lo * 100).rounded()))–\(Int((bin.hi * 100).rounded()))%"
            guard let mean = bin.meanProbability, let observed = bin.observed else {
                table.append([
                    TextTable.Cell(label), TextTable.Cell("0", .dim), TextTable.Cell("–", .dim), TextTable.Cell("–", .dim),
                    TextTable.Cell("–", .dim),
                    TextTable.Cell(String(repeating: "·", count: chartWidth), .dim),
                ])
                continue
            }
            let consistent = (bin.ciLow ?? 0) <= mean && mean <= (bin.ciHigh ?? 1)
            table.append([
                TextTable.Cell(label), TextTable.Cell(String(bin.n)), TextTable.Cell(formatPercent(mean)),
                TextTable.Cell(formatPercent(observed), .bold), TextTable.Cell(percentRange(bin.ciLow, bin.ciHigh)),
                TextTable.Cell(chartLine(stated: mean, observed: observed, low: bin.ciLow, high: bin.ciHigh),
                               consistent ? .green : .yellow),
            ])
        }
        out += table.render(style: style)
        out += style.paint("│ stated  ● observed  [──] 95% interval", .dim) + "\n"
        return out
    }

    static func chartAxis() -> String {
        let middle = "50%"
        let left = (chartWidth - middle.count) / 2
        let gap = String(repeating: " ", count: max(0, left - 2))
        let rightGap = String(repeating: " ", count: max(0, chartWidth - left - middle.count - 4))
        return "0%" + gap + middle + rightGap + "100%"
    }

    static func chartLine(stated: Double, observed: Double, low: Double?, high: Double?) -> String {
        func position(_ value: Double) -> Int {
            min(chartWidth - 1, max(0, Int((value * Double(chartWidth - 1)).rounded())))
        }
        var cells = [Character](repeating: "·", count: chartWidth)
        if let low, let high {
            let from = position(low)
            let to = position(high)
            for index in from...max(from, to) { cells[index] = "─" }
            cells[from] = "["
            cells[max(from, to)] = "]"
        }
        cells[position(stated)] = "│"
        cells[position(observed)] = "●"
        return String(cells)
    }

    static func foldedTable(_ group: GroupScore, weighted: Bool = false, style: TerminalStyle) -> String {
        guard !group.folded.isEmpty else { return "" }
        var out = "\n" + style.paint("Folded", .bold) + " by stated confidence\n"
            + style.paint("Forecasts under 50% are restated as the opposite outcome at 1 - p.", .dim) + "\n"
        if weighted {
            out += paragraph(
                "Right and wrong count forecasts; the scores above weigh each by the share of its question's "
                    + "life it stood (right_weight and wrong_weight in JSON).", style: style, tint: .dim)
        }
        var table = TextTable([
            .init("CONFIDENCE", .right), .init("N", .right), .init("RIGHT", .right), .init("WRONG", .right),
            .init("HIT RATE", .right), .init("95% INTERVAL", .right),
        ])
        for row in group.folded {
            let total = row.right + row.wrong
            table.append([
                TextTable.Cell(foldedLabel(row)), TextTable.Cell(String(row.n)),
                TextTable.Cell(String(Int(row.right))), TextTable.Cell(String(Int(row.wrong))),
                TextTable.Cell(total > 0 ? formatPercent(row.right / total) : "–", .bold),
                TextTable.Cell(percentRange(row.ciLow, row.ciHigh)),
            ])
        }
        return out + table.render(style: style)
    }

    /// A folded row's confidence as stated, never rounded onto a level nobody stated (99.5% stays
    /// "99.5%"); a step shows its range, "95–100%".
    public static func foldedLabel(_ row: FoldedRow) -> String {
        func exact(_ value: Double) -> String {
            // Levels are kept in millionths: a percentage with up to four decimals, trailing zeros cut.
            let millionths = Int((min(max(value, 0), 1) * 1_000_000).rounded())
            var text = String(millionths / 10_000)
            let fraction = millionths % 10_000
            if fraction > 0 {
                var digits = String(fraction)
                digits = String(repeating: "0", count: 4 - digits.count) + digits
                while digits.hasSuffix("0") { digits.removeLast() }
                text += "." + digits
            }
            return text
        }
        if let high = row.confidenceHigh { return exact(row.confidence) + "–" + exact(high) + "%" }
        return exact(row.confidence) + "%"
    }

    static func groupTable(_ title: String, _ groups: [GroupScore], style: TerminalStyle) -> String {
        guard !groups.isEmpty else { return "" }
        var out = "\n" + style.paint(title, .bold) + "\n"
        var table = TextTable([
            .init(title == "Tags" ? "TAG" : "DOCUMENT", flexible: true), .init("N", .right),
            .init("QUESTIONS", .right), .init("BRIER", .right), .init("LOG LOSS", .right), .init("BASELINE", .right),
        ])
        for group in groups.prefix(terminalRowLimit) {
            table.append([
                TextTable.Cell(group.name ?? ""), TextTable.Cell(String(group.n)), TextTable.Cell(String(group.questions)),
                TextTable.Cell(formatScore(group.brier), .bold), TextTable.Cell(formatScore(group.logLoss)),
                TextTable.Cell(formatScore(group.baseline, digits: 1)),
            ])
        }
        out += table.render(style: style)
        out += more(groups.count, title == "Tags" ? "tag" : "document", style: style)
        return out
    }

    static func exclusions(_ excluded: Exclusions, style: TerminalStyle) -> String {
        let parts = notCounted(excluded)
        guard !parts.isEmpty else { return "" }
        return "\n" + paragraph("Not counted: " + parts.joined(separator: "; ") + ".", style: style, tint: .dim)
    }

    /// Text wrapped at spaces to the terminal's width, each line painted on its own so that
    /// colour codes never span a line break.
    static func paragraph(_ text: String, style: TerminalStyle, tint: TerminalStyle.Tint = .none) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty, displayWidth(line) + 1 + displayWidth(word) > style.width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { style.paint($0, tint) + "\n" }.joined()
    }

    static func openWork(_ open: OpenWork, style: TerminalStyle) -> String {
        guard open.questions > 0 else {
            return "\n" + style.paint("Open", .bold) + ": nothing; log a forecast with 'foretell add'.\n"
        }
        var out = "\n" + style.paint("Open", .bold) + ": " + counted(open.forecasts, "forecast") + " on "
            + counted(open.questions, "open question")
        out += ".\n"
        if open.overdue > 0 {
            out += style.paint("\(counted(open.overdue, "question")) past \(open.overdue == 1 ? "its" : "their") deadline", .yellow)
                + " and unresolved: see '\(dueHint)'.\n"
        }
        guard !open.nextDeadlines.isEmpty else { return out }
        var table = TextTable([.init("DEADLINE"), .init("IN", .right), .init("ID", .right), .init("CLAIM", flexible: true)])
        for next in open.nextDeadlines {
            let days = next.daysLeft == 0 ? "today" : next.daysLeft == 1 ? "1 day" : "\(next.daysLeft) days"
            table.append([
                TextTable.Cell(next.deadline.description), TextTable.Cell(days), TextTable.Cell(String(next.questionId)),
                TextTable.Cell(next.claim),
            ])
        }
        return out + "Next deadlines:\n" + table.render(style: style)
    }
}
