import Foundation
import Testing
@testable import ForetellKit

/// The shortcuts that spare each document its own setup must answer what the long ways answered.
/// Expected values are worked out by hand.
@Suite("Extraction per-document paths")
struct ExtractionPerDocumentTests {
    // MARK: - Reading a regular file directly

    @Test("A regular file within the limit is read whole; anything else is left to the long way")
    func regularFile() throws {
        let scratch = try ScratchFolder()
        let text = try scratch.write("note.txt", "Caf\u{E9} by 2030.\n")
        // "Caf" 3 bytes, é 2 bytes, " by 2030." 9 bytes, newline 1 byte.
        #expect(DocumentReader.readRegularFile(text, limit: 1_000) == Array("Caf\u{E9} by 2030.\n".utf8))
        #expect(DocumentReader.readRegularFile(text, limit: 15)?.count == 15)
        #expect(DocumentReader.readRegularFile(text, limit: 14) == nil)
        let empty = try scratch.write("empty.txt", "")
        #expect(DocumentReader.readRegularFile(empty, limit: 1_000) == [])
        #expect(DocumentReader.readRegularFile(scratch.path, limit: 1_000) == nil)
        #expect(DocumentReader.readRegularFile(scratch.path + "/none.txt", limit: 1_000) == nil)
        #expect(DocumentReader.readRegularFile("/dev/null", limit: 1_000) == nil)
        // Read directly or the long way, the text is the same.
        #expect(try DocumentReader.read(text) == "Caf\u{E9} by 2030.\n")
    }

    @Test("Bytes decode the same from an array as from data")
    func decodeBytes() {
        #expect(DocumentDecoding.decode([0xEF, 0xBB, 0xBF, 0x68, 0x69]) == .text("hi"))
        #expect(DocumentDecoding.decode([0x68, 0x00, 0x69]) == .binary(offset: 1))
        #expect(DocumentDecoding.decode([0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00]) == .text("hi"))
        #expect(DocumentDecoding.decode(Data([0x68, 0xFF])) == .text("h\u{FFFD}"))
    }

    // MARK: - The interviewee line

    @Test("A title or standfirst names the interviewee after 'a conversation with'")
    func interviewee() {
        #expect(SpeakerAttribution.interviewee(in: "A conversation WITH Priya Nair") == "Priya Nair")
        #expect(SpeakerAttribution.interviewee(in: "An interview about Priya Nair") == nil)
    }

    // MARK: - Names

    @Test("Key words of a name are its words lower-cased, split at spaces and hyphens")
    func keyWords() {
        #expect(Roster.keyTokens("Jean-Luc Picard") == ["jean", "luc", "picard"])
        #expect(Roster.keyTokens("XI Jinping") == ["xi", "jinping"])
        #expect(Roster.keyTokens("Ana  Lee-") == ["ana", "lee"])
        #expect(Roster.keyTokens("Qwen") == ["qwen"])
    }

    @Test("A title opening a plain name is dropped, in any case; a name merely starting like one is kept")
    func titles() {
        #expect(Roster.clean("Professor Tang Jie") == "Tang Jie")
        #expect(Roster.clean("PROFESSOR Tang Jie") == "Tang Jie")
        #expect(Roster.clean("Tang Jie") == "Tang Jie")
        // "Professors" and "Generalov" are not titles.
        #expect(Roster.clean("Professors Union") == "Professors Union")
        #expect(Roster.clean("Ivan Generalov") == "Ivan Generalov")
        #expect(Roster.clean("General Ivan Petrov") == "Ivan Petrov")
    }

    // MARK: - Questions

    @Test("A question's proposition; a question about meaning frames nothing")
    func questions() {
        let said = Day(year: 2026, month: 1, day: 10)
        #expect(QuestionLinking.frame("How likely is a recession by 2027?", reference: said)?
            .claim(entity: nil) == "a recession by 2027")
        #expect(QuestionLinking.frame("Tell me honestly, what do you mean?", reference: said) == nil)
    }
}
