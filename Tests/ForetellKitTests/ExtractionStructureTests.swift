import Testing
@testable import ForetellKit

@Suite("Document structure")
struct DocumentStructureTests {
    @Test("Front matter is read and the text's line numbers stay those of the file")
    func frontMatter() {
        let text = "---\ntitle: \"A talk\"\ndate: 2026-01-13\n---\n\nFirst paragraph.\n"
        let document = Document(source: "t.md", text: text)
        #expect(document.frontMatter["title"] == "A talk")
        #expect(document.frontMatter["date"] == "2026-01-13")
        #expect(document.paragraphs.count == 1)
        #expect(document.paragraphs.first?.firstLine == 6)
    }

    @Test("Hard-wrapped lines join into one paragraph; each sentence keeps its own line")
    func hardWrap() {
        let text = """
            This is a long line of prose that goes on past fifty characters and
            continues on the next line. A second sentence starts here and also runs on
            to a third line.

            Short title
            Another paragraph.
            """
        let document = Document(source: "t.md", text: text)
        #expect(document.paragraphs.count == 3)
        let first = document.paragraphs[0]
        let sentences = SentenceSplitter.split(first.text)
        #expect(sentences.count == 2)
        #expect(first.line(at: sentences[0].lowerBound) == 1)
        #expect(first.line(at: sentences[1].lowerBound) == 2)
        #expect(document.paragraphs[1].text == "Short title")
        #expect(document.paragraphs[2].firstLine == 6)
    }

    @Test("Header lines, headings and windows line endings")
    func headers() {
        let text = "# Title\r\n**Date:** Tue, 13 Jan 2026 18:51:29 +0000\r\nBy Jane Doe\r\nBody text.\r\n"
        let document = Document(source: "t.md", text: text)
        #expect(document.paragraphs.map(\.kind) == [
            .heading, .header(key: "date", value: "Tue, 13 Jan 2026 18:51:29 +0000"), .header(key: "by", value: "Jane Doe"), .text,
        ])
        #expect(document.paragraphs.last?.firstLine == 4)
    }
}

@Suite("Document dates")
struct DocumentDateTests {
    @Test("Dates in ISO, RFC 2822 and words")
    func parse() {
        #expect(DocumentDates.parse("2026-01-13") == Day(year: 2026, month: 1, day: 13))
        #expect(DocumentDates.parse("2026-01-13T18:51:29Z") == Day(year: 2026, month: 1, day: 13))
        #expect(DocumentDates.parse("Tue, 13 Jan 2026 18:51:29 +0000") == Day(year: 2026, month: 1, day: 13))
        #expect(DocumentDates.parse("January 13, 2026") == Day(year: 2026, month: 1, day: 13))
        #expect(DocumentDates.parse("Sept. 3, 2024") == Day(year: 2024, month: 9, day: 3))
        #expect(DocumentDates.parse("next Tuesday") == nil)
        #expect(DocumentDates.parse("February 30, 2026") == nil)
    }

    @Test("An event date beats the publication date; a missing year comes from publication")
    func eventDate() {
        let text = """
            ---
            date: 2026-01-13
            ---
            On January 10, the university hosted a summit on batteries in Berlin.
            """
        let dates = DocumentDates.find(in: Document(source: "t.md", text: text))
        #expect(dates.published == Day(year: 2026, month: 1, day: 13))
        #expect(dates.event == Day(year: 2026, month: 1, day: 10))
        #expect(dates.forSpeakers == Day(year: 2026, month: 1, day: 10))
        #expect(dates.forAuthor == Day(year: 2026, month: 1, day: 13))
    }

    @Test("An event in December reported in January belongs to the year before")
    func eventAcrossYears() {
        let text = "Date: 2026-01-05\n\nOn December 18, the ministers met at a conference in Rome.\n"
        #expect(DocumentDates.find(in: Document(source: "t.txt", text: text)).event == Day(year: 2025, month: 12, day: 18))
    }

    @Test("A dateline opens the text; no date at all stays nil")
    func datelineAndNone() {
        let dated = "March 3, 2025 — Chip sales fell.\n"
        #expect(DocumentDates.find(in: Document(source: "t.txt", text: dated)).published == Day(year: 2025, month: 3, day: 3))
        let undated = "Chip sales fell last quarter, a summit heard.\n"
        #expect(DocumentDates.find(in: Document(source: "t.txt", text: undated)) == DocumentDates(published: nil, event: nil))
    }

    @Test("Wire datelines date their own sections; the digest's date does not")
    func wireDatelines() {
        let text = """
            Weekly Markets Digest
            Date: March 14, 2026

            FRANKFURT, March 3 (Reuters) - The central bank is likely to cut its rate again by June, said Klaus Brenner.

            Inflation was 2.1% in February.

            TOKYO, March 10 (Reuters) - The Bank of Japan will almost certainly raise rates again this year, said Yuki Tanaka.
            """
        let document = Document(source: "t.txt", text: text)
        let dates = DocumentDates.find(in: document)
        #expect(dates.published == Day(year: 2026, month: 3, day: 14))
        #expect(dates.datelines == [2: Day(year: 2026, month: 3, day: 3)!, 4: Day(year: 2026, month: 3, day: 10)!])
        let found = Extractor.extract(document).forecasts
        #expect(found.map(\.madeOn) == [Day(year: 2026, month: 3, day: 3), Day(year: 2026, month: 3, day: 10)])
        #expect(found.map(\.owner) == ["Klaus Brenner", "Yuki Tanaka"])
        #expect(found.map(\.claim) == ["The central bank will cut its rate again by June (by 2026-06-30)",
                                       "The Bank of Japan will raise rates again this year (2026)"])
    }

    @Test("A byline with a role and a date, a date line without a colon, a date under a title")
    func bylinesAndDateLines() {
        let byline = Document(source: "t.md", text: "# Greens\n\n*By Oliver Grant, Political Editor — 3 November 2026*\n\nText.\n")
        #expect(byline.paragraphs[1].kind == .header(key: "by", value: "Oliver Grant"))
        #expect(DocumentDates.find(in: byline).published == Day(year: 2026, month: 11, day: 3))
        let piped = Document(source: "t.md", text: "By Leila Haddad | January 20, 2026\n\nText.\n")
        #expect(DocumentDates.find(in: piped).published == Day(year: 2026, month: 1, day: 20))
        let published = Document(source: "t.md", text: "# Outlook\n\nPublished 2026-03-30\n\nText.\n")
        #expect(DocumentDates.find(in: published).published == Day(year: 2026, month: 3, day: 30))
        // A long title without a full stop is joined to the next line; the date still opens a line.
        let call = "Northwind Logistics (NWL) Q4 2025 Earnings Call Transcript\nFebruary 12, 2026, 5:00 p.m. ET\n\nOperator\n"
        #expect(DocumentDates.find(in: Document(source: "t.txt", text: call)).published == Day(year: 2026, month: 2, day: 12))
    }
}
