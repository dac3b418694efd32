/// The scoreboard as one self-contained HTML page: inline CSS and SVG, no script, no fonts or
/// images from the network, so it opens in any browser and can be mailed or archived as it is.
public enum ScoreboardHTML {
    public static func render(_ board: Scoreboard, generator: String = "foretell score") -> String {
        let overall = board.overall
        let options = board.options
        var body = ""
        body += "<header><h1>Forecast scoreboard</h1>\n<p class=\"sub\">"
            + escape("\(ScoreboardRendering.counted(overall.n, "forecast")) on \(ScoreboardRendering.counted(overall.questions, "question")) by \(ScoreboardRendering.counted(board.owners.count, "owner"))\(ScoreboardRendering.filterSummary(options)), as of \(options.today).")
            + "<br>Counting " + escape(options.rule.summary) + ".</p></header>\n"
        // As on the terminal: with nothing to score, say so instead of empty charts, and list
        // what was not counted.
        if overall.n == 0 {
            body += "<p><b>" + escape(ScoreboardRendering.nothingToScore(board.excluded)) + "</b></p>\n"
            body += notCounted(board.excluded)
            body += openWork(board.open) + footer(generator)
            return page(body)
        }
        body += headline(overall)
        body += "<section class=\"charts\">\n"
        body += "<figure><figcaption>Calibration: observed frequency by stated probability</figcaption>\n"
            + calibrationSVG(overall)
            + "<p class=\"note\">Dots: each bin's mean stated probability and the share that happened (area ∝ forecasts). Bands: Wilson 95% interval of that share over the bin. Dashed: perfect calibration.</p></figure>\n"
        body += "<figure><figcaption>Brier score by month of resolution</figcaption>\n" + timelineSVG(board.timeline)
            + "<p class=\"note\">Lower is better; the dashed line at 0.25 is what always saying 50% scores.</p></figure>\n"
        body += "</section>\n"
        body += ownerTable(board.owners)
        body += calibrationTable(overall)
        if options.folded { body += foldedTable(overall) }
        body += groupTable("Tags", "Tag", board.tags)
        body += groupTable("Documents", "Document", board.sources)
        body += notCounted(board.excluded)
        body += openWork(board.open)
        body += footer(generator)
        return page(body)
    }

    static func footer(_ generator: String) -> String {
        "<footer><p>Brier on the 0–1 scale (mean of (p − o)², lower is better). Log loss and baseline score clip probabilities to [0.001, 0.999]; baseline = 100 × (1 + log₂ p of what happened), higher is better. "
            + escape(ScoreboardRendering.decompositionNote) + ". Made by " + escape(generator) + ".</p></footer>\n"
    }

    static func page(_ body: String) -> String {
        """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Forecast scoreboard</title>
            <style>\(css)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    static let css = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2430;background:#fafbfc;margin:0 auto;max-width:1100px;padding:24px}
        h1{font-size:26px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}
        .sub,.note,footer{color:#5b6472}.note{font-size:13px;margin:4px 0 0}footer{font-size:12px;margin-top:32px;border-top:1px solid #dde1e6;padding-top:8px}
        .cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}.card{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:10px 14px;min-width:120px}
        .card b{display:block;font-size:22px}.card span{color:#5b6472;font-size:12px}
        .charts{display:flex;flex-wrap:wrap;gap:24px}figure{margin:0;background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:12px;flex:1 1 420px}
        figcaption{font-weight:600;margin-bottom:6px}svg{display:block;width:100%;height:auto}
        table{border-collapse:collapse;background:#fff;border:1px solid #dde1e6;font-variant-numeric:tabular-nums}
        th,td{padding:4px 10px;border-bottom:1px solid #eef0f3;text-align:right}th{background:#f3f5f7;font-weight:600}
        td.l,th.l{text-align:left}.good{color:#1a7f37}.bad{color:#b42318}.muted{color:#8a929e}
        """

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Coordinates for SVG: fixed to two decimals so the file is stable and small.
    static func coordinate(_ value: Double) -> String { formatScore(value, digits: 2) }

    static func headline(_ overall: GroupScore) -> String {
        func card(_ value: String, _ label: String) -> String {
            "<div class=\"card\"><b>\(escape(value))</b><span>\(escape(label))</span></div>"
        }
        return "<div class=\"cards\">" + card(formatScore(overall.brier), "Brier (0–1, lower is better)")
            + card(formatScore(overall.logLoss), "log loss (lower is better)")
            + card(formatScore(overall.baseline, digits: 1), "baseline score (higher is better)")
            + card(String(overall.n), "forecasts scored") + card(String(overall.questions), "questions")
            + card(formatScore(overall.reliability), "reliability (0 is perfect)")
            + card(formatScore(overall.resolution), "resolution (higher is better)")
            + card(formatScore(overall.uncertainty), "uncertainty (base rate)")
            + "</div>\n"
    }

    static func calibrationSVG(_ group: GroupScore) -> String {
        let size = 420.0
        let margin = 44.0
        let plot = size - 2 * margin + 20
        func x(_ p: Double) -> Double { margin + p * plot }
        func y(_ p: Double) -> Double { margin - 24 + (1 - p) * plot }
        var svg = "<svg viewBox=\"0 0 \(Int(size)) \(Int(size))\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Calibration chart\">\n"
        svg += "<rect x=\"\(coordinate(x(0)))\" y=\"\(coordinate(y(1)))\" width=\"\(coordinate(plot))\" height=\"\(coordinate(plot))\" fill=\"#fff\" stroke=\"#c9ced6\"/>\n"
        for tick in 0...10 {
            let p = Double(tick) / 10
            svg += "<line x1=\"\(coordinate(x(p)))\" y1=\"\(coordinate(y(0)))\" x2=\"\(coordinate(x(p)))\" y2=\"\(coordinate(y(1)))\" stroke=\"#eef0f3\"/>"
            svg += "<line x1=\"\(coordinate(x(0)))\" y1=\"\(coordinate(y(p)))\" x2=\"\(coordinate(x(1)))\" y2=\"\(coordinate(y(p)))\" stroke=\"#eef0f3\"/>\n"
            if tick % 2 == 0 {
                svg += "<text x=\"\(coordinate(x(p)))\" y=\"\(coordinate(y(0) + 16))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6472\">\(tick * 10)%</text>"
                svg += "<text x=\"\(coordinate(x(0) - 6))\" y=\"\(coordinate(y(p) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6472\">\(tick * 10)%</text>\n"
            }
        }
        svg += "<text x=\"\(coordinate(x(0.5)))\" y=\"\(coordinate(y(0) + 34))\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1d2430\">stated probability</text>\n"
        svg += "<text transform=\"translate(12 \(coordinate(y(0.5)))) rotate(-90)\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1d2430\">observed frequency</text>\n"
        svg += "<line x1=\"\(coordinate(x(0)))\" y1=\"\(coordinate(y(0)))\" x2=\"\(coordinate(x(1)))\" y2=\"\(coordinate(y(1)))\" stroke=\"#8a929e\" stroke-dasharray=\"5 4\"/>\n"
        let largest = Double(group.calibration.map(\.n).max() ?? 1)
        for bin in group.calibration {
            guard let mean = bin.meanProbability, let observed = bin.observed else { continue }
            if let low = bin.ciLow, let high = bin.ciHigh {
                svg += "<rect x=\"\(coordinate(x(bin.lo) + 1))\" y=\"\(coordinate(y(high)))\" width=\"\(coordinate((bin.hi - bin.lo) * plot - 2))\" height=\"\(coordinate(max(1, (high - low) * plot)))\" fill=\"#2f6fde\" fill-opacity=\"0.16\" stroke=\"#2f6fde\" stroke-opacity=\"0.35\"><title>\(escape("\(Int((bin.lo * 100).rounded()))–\(Int((bin.hi * 100).rounded()))%: 95% interval \(formatPercent(low))–\(formatPercent(high))"))</title></rect>\n"
            }
            let radius = 3 + 9 * (Double(bin.n) / max(1, largest)).squareRoot()
            svg += "<circle cx=\"\(coordinate(x(mean)))\" cy=\"\(coordinate(y(observed)))\" r=\"\(coordinate(radius))\" fill=\"#2f6fde\" stroke=\"#fff\"><title>\(escape("n \(bin.n): stated \(formatPercent(mean)), observed \(formatPercent(observed))"))</title></circle>"
            // Above the dot, except where that leaves the picture (a bin observed at or near
            // 100%): then below it, so the label is never cut.
            let above = y(observed) - radius - 3
            let labelY = above < 12 ? y(observed) + radius + 11 : above
            svg += "<text x=\"\(coordinate(x(mean)))\" y=\"\(coordinate(labelY))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#1d2430\">n=\(bin.n)</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func timelineSVG(_ points: [TimelinePoint]) -> String {
        let width = 520.0
        let height = 300.0
        let left = 48.0
        let right = 16.0
        let top = 16.0
        let bottom = 48.0
        guard !points.isEmpty else { return "<p class=\"muted\">No resolved forecasts yet.</p>\n" }
        // At least 0.5, so the 0.25 line of always saying 50% is in view.
        let ceiling = (max(0.5, (points.map(\.brier).max() ?? 0) * 1.1) * 10).rounded(.up) / 10
        // Points sit inside the axes, so that the first and last month labels are not cut.
        let inset = 28.0
        func x(_ index: Int) -> Double {
            points.count == 1 ? left + (width - left - right) / 2
                : left + inset + Double(index) / Double(points.count - 1) * (width - left - right - 2 * inset)
        }
        func y(_ value: Double) -> Double { top + (1 - value / ceiling) * (height - top - bottom) }
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Brier score over time\">\n"
        var tick = 0.0
        while tick <= ceiling + 1e-9 {
            svg += "<line x1=\"\(coordinate(left))\" y1=\"\(coordinate(y(tick)))\" x2=\"\(coordinate(width - right))\" y2=\"\(coordinate(y(tick)))\" stroke=\"#eef0f3\"/>"
            svg += "<text x=\"\(coordinate(left - 6))\" y=\"\(coordinate(y(tick) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6472\">\(formatScore(tick, digits: 2))</text>\n"
            tick += 0.1
        }
        svg += "<line x1=\"\(coordinate(left))\" y1=\"\(coordinate(y(0.25)))\" x2=\"\(coordinate(width - right))\" y2=\"\(coordinate(y(0.25)))\" stroke=\"#b42318\" stroke-opacity=\"0.6\" stroke-dasharray=\"5 4\"/>\n"
        let path = points.indices.map { index in
            (index == 0 ? "M" : "L") + coordinate(x(index)) + " " + coordinate(y(points[index].brier))
        }.joined(separator: " ")
        svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"#2f6fde\" stroke-width=\"2\"/>\n"
        let labelEvery = max(1, points.count / 8)
        for (index, point) in points.enumerated() {
            svg += "<circle cx=\"\(coordinate(x(index)))\" cy=\"\(coordinate(y(point.brier)))\" r=\"\(coordinate(2.5 + min(5, Double(point.n).squareRoot() / 2)))\" fill=\"#2f6fde\"><title>\(escape("\(point.month): Brier \(formatScore(point.brier)) over \(point.n) forecasts"))</title></circle>\n"
            if index % labelEvery == 0 || index == points.count - 1 {
                svg += "<text x=\"\(coordinate(x(index)))\" y=\"\(coordinate(height - bottom + 16))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6472\">\(escape(point.month))</text>"
                svg += "<text x=\"\(coordinate(x(index)))\" y=\"\(coordinate(height - bottom + 30))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#8a929e\">n=\(point.n)</text>\n"
            }
        }
        return svg + "</svg>\n"
    }

    static func ownerTable(_ owners: [GroupScore]) -> String {
        guard !owners.isEmpty else { return "" }
        var html = "<h2>Owners, ranked by relative Brier</h2>\n<table><thead><tr><th>#</th><th class=\"l\">Owner</th><th>n</th><th>Questions</th><th>Brier</th><th>Log loss</th><th>Baseline</th><th>Relative</th><th>Peer</th><th>Shared questions</th></tr></thead><tbody>\n"
        for group in owners {
            let relative = group.relativeBrier.map { value in
                "<td class=\"\(value < 0 ? "good" : value > 0 ? "bad" : "")\">\(formatSignedScore(value))</td>"
            } ?? "<td class=\"muted\">–</td>"
            let peer = group.peerScore.map { "<td>\(formatSignedScore($0, digits: 1))</td>" } ?? "<td class=\"muted\">–</td>"
            html += "<tr><td>\(group.rank.map(String.init) ?? "")</td><td class=\"l\">\(escape(group.name ?? ""))</td><td>\(group.n)</td><td>\(group.questions)</td><td><b>\(formatScore(group.brier))</b></td><td>\(formatScore(group.logLoss))</td><td>\(formatScore(group.baseline, digits: 1))</td>\(relative)\(peer)<td>\(group.sharedQuestions)</td></tr>\n"
        }
        return html + "</tbody></table>\n<p class=\"note\">Relative: own Brier minus the median Brier of everyone on the question, the owner included (Fatebook, GJ Open), averaged over questions with two or more forecasters; negative is better. Peer: Metaculus’s peer score, 100 (ln p − mean ln p of the others); higher is better. Ranked only with enough shared questions (see the JSON’s ranking).</p>\n"
    }

    static func calibrationTable(_ group: GroupScore) -> String {
        var html = "<h2>Calibration bins</h2>\n<table><thead><tr><th class=\"l\">Bin</th><th>n</th><th>Stated (mean)</th><th>Observed</th><th>95% interval</th></tr></thead><tbody>\n"
        for bin in group.calibration {
            let label = "\(Int((bin.lo * 100).rounded()))–\(Int((bin.hi * 100).rounded()))%"
            html += "<tr><td class=\"l\">\(label)</td><td>\(bin.n)</td><td>\(bin.meanProbability.map(formatPercent) ?? "–")</td><td>\(bin.observed.map(formatPercent) ?? "–")</td><td>\(ScoreboardRendering.percentRange(bin.ciLow, bin.ciHigh))</td></tr>\n"
        }
        return html + "</tbody></table>\n<p class=\"note\">Bins are half-open [lo, hi); the last one includes 100%.</p>\n"
    }

    static func foldedTable(_ group: GroupScore) -> String {
        guard !group.folded.isEmpty else { return "" }
        var html = "<h2>Folded by stated confidence</h2>\n<table><thead><tr><th>Confidence</th><th>n</th><th>Right</th><th>Wrong</th><th>Hit rate</th><th>95% interval</th></tr></thead><tbody>\n"
        for row in group.folded {
            let total = row.right + row.wrong
            html += "<tr><td>\(ScoreboardRendering.foldedLabel(row))</td><td>\(row.n)</td><td>\(JSONValue.format(row.right))</td><td>\(JSONValue.format(row.wrong))</td><td>\(total > 0 ? formatPercent(row.right / total) : "–")</td><td>\(ScoreboardRendering.percentRange(row.ciLow, row.ciHigh))</td></tr>\n"
        }
        return html + "</tbody></table>\n<p class=\"note\">Forecasts under 50% are restated as the opposite outcome at 1 − p.</p>\n"
    }

    static func groupTable(_ title: String, _ header: String, _ groups: [GroupScore]) -> String {
        guard !groups.isEmpty else { return "" }
        var html = "<h2>\(title)</h2>\n<table><thead><tr><th class=\"l\">\(header)</th><th>n</th><th>Questions</th><th>Brier</th><th>Log loss</th><th>Baseline</th></tr></thead><tbody>\n"
        for group in groups {
            html += "<tr><td class=\"l\">\(escape(group.name ?? ""))</td><td>\(group.n)</td><td>\(group.questions)</td><td><b>\(formatScore(group.brier))</b></td><td>\(formatScore(group.logLoss))</td><td>\(formatScore(group.baseline, digits: 1))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// The terminal's "Not counted" line, word for word.
    static func notCounted(_ excluded: Exclusions) -> String {
        let parts = ScoreboardRendering.notCounted(excluded)
        guard !parts.isEmpty else { return "" }
        return "<h2>Not counted</h2>\n<p class=\"note\">Not counted: " + escape(parts.joined(separator: "; ")) + ".</p>\n"
    }

    static func openWork(_ open: OpenWork) -> String {
        var html = "<h2>Open work</h2>\n<p>\(ScoreboardRendering.counted(open.forecasts, "forecast")) on \(ScoreboardRendering.counted(open.questions, "open question"))"
        if open.overdue > 0 {
            html += "; <b class=\"bad\">\(open.overdue) past \(open.overdue == 1 ? "its" : "their") deadline</b> and unresolved (see <code>\(ScoreboardRendering.dueHint)</code>)"
        }
        html += ".</p>\n"
        guard !open.nextDeadlines.isEmpty else { return html }
        html += "<table><thead><tr><th class=\"l\">Deadline</th><th>Days left</th><th>ID</th><th class=\"l\">Claim</th></tr></thead><tbody>\n"
        for next in open.nextDeadlines {
            html += "<tr><td class=\"l\">\(next.deadline)</td><td>\(next.daysLeft)</td><td>\(next.questionId)</td><td class=\"l\">\(escape(next.claim))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }
}
