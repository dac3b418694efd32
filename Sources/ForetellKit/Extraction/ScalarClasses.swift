extension Unicode.Scalar {
    // The tokenizer and the sentence splitter ask these of every scalar of a document: ASCII,
    // nearly all of English text, is answered from the code point (the same answers as the
    // Unicode properties give), the rest from the property tables.

    /// `properties.isWhitespace`.
    var isSpaceOrBreak: Bool { value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace }

    /// `properties.isAlphabetic`.
    var isLetterScalar: Bool { value < 0x80 ? (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) : properties.isAlphabetic }

    /// `properties.isUppercase`.
    var isUppercaseScalar: Bool { value < 0x80 ? (0x41...0x5A).contains(value) : properties.isUppercase }

    /// `properties.isLowercase`.
    var isLowercaseScalar: Bool { value < 0x80 ? (0x61...0x7A).contains(value) : properties.isLowercase }
}
