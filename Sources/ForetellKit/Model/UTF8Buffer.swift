extension StringProtocol {
    /// Runs `body` on the UTF-8 bytes: the stored ones (native strings keep them contiguous), or a
    /// copy for text stored otherwise. For the writers that hand bytes to SQLite or escape JSON.
    func withUTF8Buffer<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
