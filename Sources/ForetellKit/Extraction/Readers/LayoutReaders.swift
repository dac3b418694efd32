/// Chooses a reader per block, not per document: the document is laid out once, list items,
/// table rows and question answers go to `PredictionListReader`, quotations of other people's
/// predictions to `QuotedPredictionReader`, and every block neither reads is left to the
/// sentence-level reader (`Extractor`'s prose and transcript pass), which skips the lines these
/// readers claimed. A new layout shape is a new reader here, with its fixtures.
struct LayoutReaders {
    struct Result {
        var forecasts: [ExtractedForecast] = []
        /// Source lines of the blocks read here, which the sentence-level reader leaves alone.
        var claimedLines: Set<Int> = []
    }

    let source: String
    /// The document's author and date: the owner and made_on of what the author lists.
    let author: String?
    let madeOn: Day?

    func read(_ text: String) -> Result {
        let blocks = Layout.blocks(in: text)
        let lists = PredictionListReader(source: source, owner: author, madeOn: madeOn).read(blocks)
        var result = Result(forecasts: lists.forecasts, claimedLines: lists.claimedLines)
        for forecast in QuotedPredictionReader(source: source, madeOn: madeOn).read(blocks)
        where !result.claimedLines.contains(forecast.line) {
            result.forecasts.append(forecast)
        }
        return result
    }
}
