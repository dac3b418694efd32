/// How questions are shown to people: the tables of `list` and `show` (their JSON is ``QuestionJSON``).
public enum QuestionRendering {
    /// One line per question: id, deadline, status, the latest forecast, the claim cut to fit.
    public static func listTable(_ questions: [QuestionHistory], today: Day, style: TerminalStyle) -> String {
        var table = TextTable([
            .init("ID", .right), .init("DEADLINE"), .init("STATUS"), .init("LATEST"), .init("CLAIM", flexible: true),
        ])
        for question in questions {
            let latest = question.latestForecasts
            var summary = ""
            if let newest = latest.max(by: { $0.madeAtMilliseconds < $1.madeAtMilliseconds }) {
                summary = formatPercent(newest.probability) + " " + truncate(newest.owner, toWidth: 16)
                // Words, not "+1": the others are owners whose latest forecast is not shown.
                if latest.count > 1 { summary += latest.count == 2 ? " and 1 other" : " and \(latest.count - 1) others" }
            }
            table.append([
                TextTable.Cell(String(question.id)),
                TextTable.Cell(question.deadline?.description ?? "–"),
                status(question, today: today),
                TextTable.Cell(summary),
                TextTable.Cell(question.claim),
            ])
        }
        return table.render(style: style)
    }

    static func status(_ question: QuestionHistory, today: Day) -> TextTable.Cell {
        if let outcome = question.currentResolution?.outcome {
            switch outcome {
            case .yes: return TextTable.Cell("yes", .green)
            // Not red: a "no" is an outcome like "yes", not an error.
            case .no: return TextTable.Cell("no", .cyan)
            case .ambiguous, .annulled: return TextTable.Cell(outcome.rawValue, .dim)
            }
        }
        return question.isDue(asOf: today) ? TextTable.Cell("due", .yellow) : TextTable.Cell("open")
    }

    /// Everything about one question: its forecasts, their sources and quotes, and every resolution.
    public static func showText(_ question: QuestionHistory, today: Day, style: TerminalStyle) -> String {
        let title = "Question \(question.id)"
        // The claim wraps under itself rather than at the terminal's edge.
        let claim = wrap(TerminalText.safe(question.claim), firstWidth: style.width - displayWidth(title) - 2, width: style.width - 2)
        var out = style.paint(title, .bold) + ": " + claim.joined(separator: "\n  ") + "\n"
        var facts: [String] = []
        if let deadline = question.deadline {
            facts.append("deadline " + deadline.description + (question.earliest.map { " (not before \($0))" } ?? ""))
        } else {
            facts.append("no deadline")
        }
        if !question.tags.isEmpty { facts.append("tags " + TerminalText.safe(question.tags.joined(separator: ", "))) }
        let state = status(question, today: today)
        facts.append(style.paint(state.text, state.tint))
        if let resolution = question.currentResolution { facts.append("resolved on " + resolution.resolvedOn) }
        out += "  " + facts.joined(separator: " · ") + "\n"

        // The tables are indented by two columns: they get two fewer, so that they fit the terminal.
        var inner = style
        inner.width = style.width - 2
        out += "\n" + style.paint("Forecasts", .bold) + "\n"
        var forecasts = TextTable([
            .init("ID", .right), .init("MADE ON"), .init("OWNER"), .init("P", .right), .init("BASIS"), .init("NOTE", flexible: true),
        ])
        for forecast in question.forecasts {
            forecasts.append([
                TextTable.Cell(String(forecast.id)), TextTable.Cell(forecast.madeOn), TextTable.Cell(truncate(forecast.owner, toWidth: 16)),
                TextTable.Cell(formatPercent(forecast.probability, low: forecast.probabilityLow, high: forecast.probabilityHigh)),
                TextTable.Cell(forecast.basis.rawValue), TextTable.Cell(scoringRemark(forecast, question) + (forecast.note ?? "")),
            ])
        }
        out += indent(forecasts.render(style: inner))

        let sourced = question.forecasts.filter { !$0.sources.isEmpty }
        if !sourced.isEmpty {
            out += "\n" + style.paint("Sources", .bold) + "\n"
            for forecast in sourced {
                for source in forecast.sources {
                    let place = source.path + (source.line.map { ":\($0)" } ?? "")
                    let foundBy = source.engine.map { " · found by \($0)" + (source.model.map { " (\($0))" } ?? "") } ?? ""
                    out += "  forecast \(forecast.id) · \(TerminalText.safe(place))\(TerminalText.safe(foundBy))\n"
                    let quote = "“" + TerminalText.safe(source.quote) + "”"
                    out += wrap(quote, firstWidth: style.width - 4, width: style.width - 4).map { "    " + $0 + "\n" }.joined()
                }
            }
        }

        out += "\n" + style.paint("Resolutions", .bold) + "\n"
        if question.resolutions.isEmpty {
            out += "  none yet: foretell resolve \(question.id) yes|no|ambiguous|annulled\n"
        } else {
            var resolutions = TextTable([
                .init("RESOLVED ON"), .init("OUTCOME"), .init("RECORDED AT"), .init("NOTE", flexible: true),
            ])
            for (position, resolution) in question.resolutions.enumerated() {
                let inForce = position == question.resolutions.count - 1
                let note = (resolution.note ?? "") + (inForce ? "" : " (superseded)")
                resolutions.append([
                    TextTable.Cell(resolution.resolvedOn),
                    TextTable.Cell(resolution.outcome.rawValue, inForce ? .bold : .dim),
                    TextTable.Cell(resolution.recordedAt),
                    TextTable.Cell(note.trimmingCharacters(in: .whitespaces)),
                ])
            }
            out += indent(resolutions.render(style: inner))
        }
        return out
    }

    /// Why a forecast is left out of scores, before its note: backfilled (recorded with
    /// hindsight), or made after the outcome in force.
    static func scoringRemark(_ forecast: ForecastEntry, _ question: QuestionHistory) -> String {
        if forecast.backfilled { return "[backfilled, not scored] " }
        if let resolution = question.currentResolution, forecast.madeAtMilliseconds > resolution.resolvedAtMilliseconds {
            return "[after resolution, not scored] "
        }
        return ""
    }

    /// Lines of at most `width` columns (`firstWidth` for the first), broken at spaces; a word
    /// longer than a line stands on its own line uncut.
    static func wrap(_ text: String, firstWidth: Int, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let limit = lines.isEmpty ? firstWidth : width
            if !line.isEmpty, displayWidth(line) + 1 + displayWidth(word) > limit {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "  " + $0 }
            .joined(separator: "\n")
    }
}

import Foundation
